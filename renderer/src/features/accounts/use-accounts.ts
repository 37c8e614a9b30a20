import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Account } from '../../../../shared';
import { setProcedureData, useProcedureQuery } from '../../state/queries';

export interface AccountsState {
  accounts: Account[] | null;
  error: unknown;
  reload(): void;
  /** Puts a changed account in place without a round trip. */
  replace(account: Account): void;
}

/** Everyone who may sign in (`accounts.list`, administrators only), read afresh each time the screen opens. */
export function useAccounts(open: boolean): AccountsState {
  const queryClient = useQueryClient();
  const { data, error, refetch } = useProcedureQuery('accounts.list', open ? {} : null, { staleTime: 0 });
  const reload = useCallback(() => void refetch(), [refetch]);
  const replace = useCallback(
    (account: Account) =>
      setProcedureData(queryClient, 'accounts.list', {}, (list) => {
        if (!list) return [account];
        const at = list.findIndex((a) => a.id === account.id);
        return at < 0
          ? [...list, account].sort((a, b) => a.employeeNo.localeCompare(b.employeeNo))
          : list.map((a) => (a.id === account.id ? account : a));
      }),
    [queryClient],
  );
  return { accounts: data ?? null, error: error ?? null, reload, replace };
}
