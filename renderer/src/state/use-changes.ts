import { useEffect, useRef } from 'react';
import { useClient } from './client-context';
import { useConnection } from './use-connection';

const SETTLE_MS = 150;

/**
 * Calls `onChange` when anything about this customer changed on any desk, or one of their promises
 * fell due or broke (an alert: the brief must show it at once). A burst of pushes (one write touches
 * several rows) becomes one re-read, and a reconnect re-reads too, since pushes sent while the
 * connection was down are lost.
 */
export function useCustomerChanges(customerId: string, onChange: () => void): void {
  const client = useClient();
  const connection = useConnection();
  const latest = useRef(onChange);
  latest.current = onChange;
  const wasDown = useRef(false);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const settle = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        latest.current();
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
      latest.current();
    }
  }, [connection]);
}
