import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { touchesEscalations, touchesIncidents } from './change-keys';
import { useClient } from './client-context';

/**
 * Changes that belong to no one customer, heard once for the whole desk: a known incident recorded,
 * changed or ended (every open brief and case view shows its banners), and escalations asked for or
 * decided (the supervisors' queue). The reads they touch are invalidated; those on screen re-read.
 */
export function useIncidentChanges(): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.subscribe('changed', (change) => {
        if (change.entity === 'incident') void queryClient.invalidateQueries({ predicate: touchesIncidents });
        if (change.entity === 'escalation') void queryClient.invalidateQueries({ predicate: touchesEscalations });
      }),
    [client, queryClient],
  );
}
