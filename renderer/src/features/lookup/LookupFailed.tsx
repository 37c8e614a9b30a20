import { useTranslation } from 'react-i18next';
import { describeError } from '../../errors/describe-error';
import { LookupNotice } from './LookupNotice';

export function LookupFailed({ error, onRetry }: { error: unknown; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <LookupNotice tone="error" title={describeError(error, t)}>
      <button type="button" className="button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </LookupNotice>
  );
}
