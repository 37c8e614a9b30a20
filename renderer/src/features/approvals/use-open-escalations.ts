import { useCallback, useEffect, useRef, useState } from 'react';
import type { Escalation } from '../../../../shared';
import { useClient } from '../../state/client-context';

export interface OpenEscalationsState {
  escalations: Escalation[] | null;
  error: unknown;
  reload(): void;
}

/** Every open escalation on any case, kept fresh as agents ask and supervisors decide on any desk. */
export function useOpenEscalations(enabled: boolean): OpenEscalationsState {
  const client = useClient();
  const [escalations, setEscalations] = useState<Escalation[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const asked = useRef(0);

  const reload = useCallback(() => {
    if (!enabled) return;
    const request = ++asked.current;
    client
      .call('escalations.list', { status: 'open' })
      .then((list) => {
        if (request !== asked.current) return;
        setEscalations(list);
        setError(null);
      })
      .catch((e: unknown) => request === asked.current && setError(e));
  }, [client, enabled]);

  useEffect(reload, [reload]);
  useEffect(() => {
    if (!enabled) return;
    return client.subscribe('changed', (change) => {
      if (change.entity === 'escalation') reload();
    });
  }, [client, enabled, reload]);
  return { escalations, error, reload };
}
