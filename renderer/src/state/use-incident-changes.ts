import { useEffect, useRef } from 'react';
import { useClient } from './client-context';

/**
 * Calls `onChange` when a known incident was recorded, changed or ended on any desk. Incidents
 * belong to no customer, so every open brief and case view listens for them.
 */
export function useIncidentChanges(onChange: () => void): void {
  const client = useClient();
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(
    () =>
      client.subscribe('changed', (change) => {
        if (change.entity === 'incident') latest.current();
      }),
    [client],
  );
}
