import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/use-session';
import { AccountsDialog } from './AccountsDialog';

/** Administrators only: who may sign in, and as what. (The host checks the role again on every call.) */
export function AccountsButton() {
  const { t } = useTranslation();
  const session = useSession();
  const [open, setOpen] = useState(false);
  if (session.status !== 'ready' || session.agent.role !== 'admin') return null;
  return (
    <>
      <button type="button" className="button button-small accounts-button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        {t('accounts.open')}
      </button>
      <AccountsDialog open={open} onOpenChange={setOpen} me={session.agent.id} />
    </>
  );
}
