import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface RetryErrorProps {
  /** The failure in words, already described for a person. */
  children: ReactNode;
  onRetry(): void;
  className?: string;
}

/** A read that failed, said in place with a way to try again, so the agent is never left with a blank panel. */
export function RetryError({ children, onRetry, className = 'form-error' }: RetryErrorProps) {
  const { t } = useTranslation();
  return (
    <p className={className} role="alert">
      {children}{' '}
      <button type="button" className="button button-small" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </p>
  );
}
