import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { touchesCustomer } from './change-keys';
import { useClient } from './client-context';
import { useConnection } from './use-connection';

const SETTLE_MS = 150;

/**
 * Keeps what is shown about this customer fresh: when anything about them changed on any desk, or
 * one of their promises fell due or broke (an alert: the brief must show it at once), every read about
 * them is invalidated and the ones on screen are read again. A burst of pushes (one write touches
 * several rows) becomes one re-read, and a reconnect re-reads too, since pushes sent while the
 * connection was down are lost. `onChange` is told after the invalidation.
 */
export function useCustomerChanges(customerId: string, onChange?: () => void): void {
  const client = useClient();
  const queryClient = useQueryClient();
  const connection = useConnection();
  const latest = useRef(onChange);
  latest.current = onChange;
  const wasDown = useRef(false);
  const reread = useRef(() => {});
  reread.current = () => {
    void queryClient.invalidateQueries({ predicate: touchesCustomer(customerId) });
    latest.current?.();
  };

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const settle = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        reread.current();
      }, SETTLE_MS);
    };
    const offChanged = client.subscribe('changed', (change) => {
      if (change.customerId === customerId || (change.entity === 'customer' && change.id === customerId)) settle();
    });
    const offAlert = client.subscribe('alert', (alert) => {
      if (alert.customerId === customerId) settle();
    });
    return () => {
      offChanged();
      offAlert();
      if (timer) clearTimeout(timer);
    };
  }, [client, customerId]);

  useEffect(() => {
    if (connection === 'retrying') wasDown.current = true;
    if (connection === 'open' && wasDown.current) {
      wasDown.current = false;
      reread.current();
    }
  }, [connection]);
}
