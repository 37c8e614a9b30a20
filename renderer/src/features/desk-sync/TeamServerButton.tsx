import { Dialog } from 'radix-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogCloseActions, DialogShell } from '../../ui/DialogShell';
import { useDeskLock } from '../desk-lock';
import { chooseSync, useDeskSyncState } from './sync-api';
import { ServerForm, SignInForm } from './TeamServerForms';

/**
 * "团队服务器" in the desktop's top bar: the server's address (an administrator sets it; none keeps the
 * desk standalone) and signing in to it. Nothing in a browser, or while the desk is locked.
 */
export function TeamServerButton() {
  const { t } = useTranslation();
  const desk = useDeskLock();
  const sync = chooseSync();
  const state = useDeskSyncState(sync);
  const [open, setOpen] = useState(false);
  if (!desk || !sync || !state) return null;
  return (
    <>
      <button type="button" className="button button-small desk-lock-button" onClick={() => setOpen(true)}>
        {t('deskSync.open')}
      </button>
      <DialogShell open={open} onOpenChange={setOpen} className="desk-sync-dialog">
        <Dialog.Title className="dialog-title">{t('deskSync.title')}</Dialog.Title>
        <Dialog.Description className="muted">{t('deskSync.intro')}</Dialog.Description>
        <ServerForm sync={sync} state={state} isAdmin={desk.current.role === 'admin'} />
        {state.serverUrl && <SignInForm sync={sync} state={state} onSignedIn={desk.personChanged} />}
        <DialogCloseActions />
      </DialogShell>
    </>
  );
}
