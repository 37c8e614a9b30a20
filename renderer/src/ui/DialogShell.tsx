import { Dialog } from 'radix-ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface DialogShellProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** Added after `dialog`, for the dialog's own width and layout. */
  className?: string;
  children: ReactNode;
}

/**
 * The modal frame every dialog shares, so overlay, focus trap and Escape behave the same everywhere.
 * The caller puts a Dialog.Title and Dialog.Description inside; Radix announces them.
 */
export function DialogShell({ open, onOpenChange, className, children }: DialogShellProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className={className ? `dialog ${className}` : 'dialog'}>{children}</Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** The footer of a dialog that only shows things: one button that closes it. */
export function DialogCloseActions() {
  const { t } = useTranslation();
  return (
    <div className="dialog-actions">
      <Dialog.Close asChild>
        <button type="button" className="button">
          {t('common.close')}
        </button>
      </Dialog.Close>
    </div>
  );
}
