import { useTranslation } from 'react-i18next';

interface FormFooterProps {
  /** What went wrong, in words a person understands; nothing shows while null. */
  error: string | null;
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  onCancel(): void;
  /** "Cancel" unless the form says otherwise (a step back, say). */
  cancelLabel?: string;
  /** Forms inside a list or card use small buttons; forms that fill a dialog the full size. */
  size?: 'small' | 'regular';
  tone?: 'primary' | 'danger';
}

/** The end of a form: the error, announced, then cancel and the submit button that shows it is busy. */
export function FormFooter({
  error,
  busy,
  submitLabel,
  busyLabel,
  onCancel,
  cancelLabel,
  size = 'regular',
  tone = 'primary',
}: FormFooterProps) {
  const { t } = useTranslation();
  const small = size === 'small' ? ' button-small' : '';
  return (
    <>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className={size === 'small' ? 'ask-actions' : 'dialog-actions'}>
        <button type="button" className={`button${small}`} onClick={onCancel}>
          {cancelLabel ?? t('common.cancel')}
        </button>
        <button type="submit" className={`button${small} button-${tone}`} disabled={busy} aria-busy={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </>
  );
}
