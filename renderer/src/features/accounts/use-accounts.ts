import { useCallback, useEffect, useState } from 'react';
import type { Account } from '../../../../shared';
import { useClient } from '../../state/client-context';

export interface AccountsState {
  accounts: Account[] | null;
  error: unknown;
  reload(): void;
  /** Puts a changed account in place without a round trip. */
  replace(account: Account): void;
}

/** Everyone who may sign in (`accounts.list`, administrators only), read while the screen is open. */
export function useAccounts(open: boolean): AccountsState {
  const client = useClient();
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setError(null);
    client.call('accounts.list', {}).then(
      (list) => live && setAccounts(list),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [client, open, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback(
    (account: Account) =>
      setAccounts((list) => {
        if (!list) return [account];
        const at = list.findIndex((a) => a.id === account.id);
        return at < 0
          ? [...list, account].sort((a, b) => a.employeeNo.localeCompare(b.employeeNo))
          : list.map((a) => (a.id === account.id ? account : a));
      }),
    [],
  );
  return { accounts, error, reload, replace };
}
