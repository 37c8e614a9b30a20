import { Dialog } from 'radix-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogCloseActions, DialogShell } from '../../ui/DialogShell';
import { RetryError } from '../../ui/RetryError';
import { AccountRow } from './AccountRow';
import { CreateAccountForm } from './CreateAccountForm';
import { describeAccountError } from './describe-account-error';
import { useAccounts } from './use-accounts';

/** The administrator's accounts screen: list, create, reset a password, change a role, disable or enable. */
export function AccountsDialog({ open, onOpenChange, me }: { open: boolean; onOpenChange(open: boolean): void; me: string }) {
  const { t } = useTranslation();
  const state = useAccounts(open);
  const [done, setDone] = useState<string | null>(null);
  return (
    <DialogShell
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) setDone(null);
      }}
      className="dialog-accounts"
    >
      <div className="dialog-head">
        <Dialog.Title className="dialog-title">{t('accounts.title')}</Dialog.Title>
      </div>
      <Dialog.Description className="dialog-description">{t('accounts.description')}</Dialog.Description>
      <p className="accounts-done" role="status">
        {done}
      </p>
      {state.error !== null && <RetryError onRetry={state.reload}>{describeAccountError(state.error, t)}</RetryError>}
      {state.accounts === null && state.error === null && <p className="muted">{t('accounts.loading')}</p>}
      {state.accounts !== null && (
        <div className="accounts-table-wrap">
          <table className="accounts-table">
            <caption className="visually-hidden">{t('accounts.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accounts.employeeNo')}</th>
                <th scope="col">{t('accounts.name')}</th>
                <th scope="col">{t('accounts.role')}</th>
                <th scope="col">{t('accounts.team')}</th>
                <th scope="col">{t('accounts.status')}</th>
                <th scope="col">{t('accounts.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {state.accounts.map((account) => (
                <AccountRow
                  key={account.id}
                  account={account}
                  self={account.id === me}
                  onChanged={(changed, message) => {
                    state.replace(changed);
                    setDone(message);
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateAccountForm
        onCreated={(account) => {
          state.replace(account);
          setDone(t('accounts.created', { name: account.name, employeeNo: account.employeeNo }));
        }}
      />
      <DialogCloseActions />
    </DialogShell>
  );
}
