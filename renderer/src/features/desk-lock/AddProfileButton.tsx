import { Dialog } from 'radix-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogShell } from '../../ui/DialogShell';
import { useDeskLock } from './desk-lock-context';
import { ProfileForm } from './ProfileForm';

/** An administrator or supervisor at the desk adds a profile for another person (the desktop's top bar). */
export function AddProfileButton() {
  const { t } = useTranslation();
  const desk = useDeskLock();
  const [open, setOpen] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  if (!desk || (desk.current.role !== 'admin' && desk.current.role !== 'supervisor')) return null;
  return (
    <>
      <button
        type="button"
        className="button button-small desk-lock-button"
        onClick={() => {
          setAdded(null);
          setOpen(true);
        }}
      >
        {t('deskLock.addOpen')}
      </button>
      <DialogShell open={open} onOpenChange={setOpen} className="desk-lock-dialog">
        <Dialog.Title className="dialog-title">{t('deskLock.addTitle')}</Dialog.Title>
        <Dialog.Description className="muted">{t('deskLock.addIntro')}</Dialog.Description>
        {added && (
          <p className="sign-in-notice" role="status">
            {t('deskLock.added', { name: added })}
          </p>
        )}
        <ProfileForm key={added ?? ''} desk={desk.bridge} onCreated={(_state, name) => setAdded(name)} />
        <div className="dialog-actions">
          <Dialog.Close asChild>
            <button type="button" className="button">
              {t('common.close')}
            </button>
          </Dialog.Close>
        </div>
      </DialogShell>
    </>
  );
}
