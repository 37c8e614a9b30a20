import { useCallback, useEffect, useRef, useState } from 'react';
import type { Incident } from '../../../../shared';
import { useClient } from '../../state/client-context';
import { useIncidentChanges } from '../../state/use-incident-changes';

export interface IncidentsState {
  incidents: Incident[] | null;
  error: unknown;
  reload(): void;
}

/** Every known incident, newest first, kept fresh as they are recorded and ended on any desk. */
export function useIncidents(): IncidentsState {
  const client = useClient();
  const [incidents, setIncidents] = useState<Incident[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const asked = useRef(0);

  const reload = useCallback(() => {
    const request = ++asked.current;
    client
      .call('incidents.list', { activeOnly: false })
      .then((list) => {
        if (request !== asked.current) return;
        setIncidents(list);
        setError(null);
      })
      .catch((e: unknown) => request === asked.current && setError(e));
  }, [client]);

  useEffect(reload, [reload]);
  useIncidentChanges(reload);
  return { incidents, error, reload };
}
