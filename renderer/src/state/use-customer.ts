import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Customer } from '../../../shared';
import { setProcedureData, useProcedureQuery } from './queries';

export interface CustomerState {
  customer: Customer | null;
  error: unknown;
  reload(): void;
  /** Replaces what is shown with what the host returned from a write (no second read needed). */
  replace(customer: Customer): void;
}

/** The customer with their phones and cases (`customers.get`), seeded by the screen pop. */
export function useCustomer(customerId: string): CustomerState {
  const queryClient = useQueryClient();
  const { data, error, refetch } = useProcedureQuery('customers.get', { id: customerId });
  const reload = useCallback(() => void refetch(), [refetch]);
  const replace = useCallback(
    (value: Customer) => {
      if (value.id === customerId) setProcedureData(queryClient, 'customers.get', { id: customerId }, value);
    },
    [queryClient, customerId],
  );
  return { customer: data ?? null, error: error ?? null, reload, replace };
}
