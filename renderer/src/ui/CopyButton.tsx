import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The clipboard API where the page may use it; the older copy command where it may not. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}

interface CopyButtonProps {
  text: string;
  label: string;
  /** Names what is copied for a screen reader, when the visible label alone is ambiguous. */
  ariaLabel?: string;
}

/** Copies text and says so in place; the outcome is announced, since nothing else on screen changes. */
export function CopyButton({ text, label, ariaLabel }: CopyButtonProps) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(() => setOutcome(null), 2500);
    return () => clearTimeout(timer);
  }, [outcome]);
  return (
    <span className="copy">
      <button
        type="button"
        className="button button-small"
        aria-label={ariaLabel}
        onClick={() => void copyText(text).then((ok) => setOutcome(ok ? 'copied' : 'failed'))}
      >
        {label}
      </button>
      <span className={`copy-outcome${outcome === 'failed' ? ' copy-outcome-failed' : ''}`} aria-live="polite">
        {outcome === 'copied' ? t('message.copied') : outcome === 'failed' ? t('message.copyFailed') : ''}
      </span>
    </span>
  );
}
