import { useCallback, useEffect, useRef, useState } from 'react';
import type { Customer } from '../../../shared';
import { useClient } from './client-context';

export interface CustomerState {
  customer: Customer | null;
  error: unknown;
  reload(): void;
  /** Replaces what is shown with what the host returned from a write (no second read needed). */
  replace(customer: Customer): void;
}

export function useCustomer(customerId: string): CustomerState {
  const client = useClient();
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);

  const reload = useCallback(() => {
    const gen = generation.current;
    client
      .call('customers.get', { id: customerId })
      .then((value) => {
        if (gen !== generation.current) return;
        setCustomer(value);
        setError(null);
      })
      .catch((e: unknown) => {
        if (gen === generation.current) setError(e);
      });
  }, [client, customerId]);

  useEffect(() => {
    generation.current += 1;
    setCustomer(null);
    setError(null);
    reload();
  }, [reload]);

  const replace = useCallback(
    (value: Customer) => {
      if (value.id === customerId) setCustomer(value);
    },
    [customerId],
  );

  return { customer, error, reload, replace };
}
