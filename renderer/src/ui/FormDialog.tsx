import { Dialog } from 'radix-ui';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogShell } from './DialogShell';

interface FormDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  description: string;
  submitLabel: string;
  busy: boolean;
  error: string | null;
  onSubmit(): void;
  children: ReactNode;
}

/** A modal form: Radix keeps focus inside, Escape closes, and the title and description are announced. */
export function FormDialog({ open, onOpenChange, title, description, submitLabel, busy, error, onSubmit, children }: FormDialogProps) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <DialogShell open={open} onOpenChange={onOpenChange}>
      <Dialog.Title className="dialog-title">{title}</Dialog.Title>
      <Dialog.Description className="dialog-description">{description}</Dialog.Description>
      <form onSubmit={submit} className="dialog-form" noValidate>
        {children}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <Dialog.Close asChild>
            <button type="button" className="button">
              {t('common.cancel')}
            </button>
          </Dialog.Close>
          <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </DialogShell>
  );
}
