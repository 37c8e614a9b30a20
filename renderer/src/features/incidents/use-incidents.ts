import { useCallback } from 'react';
import type { Incident } from '../../../../shared';
import { useProcedureQuery } from '../../state/queries';

export interface IncidentsState {
  incidents: Incident[] | null;
  error: unknown;
  reload(): void;
}

/** Every known incident, newest first, kept fresh as they are recorded and ended on any desk (`useIncidentChanges`). */
export function useIncidents(): IncidentsState {
  const { data, error, refetch } = useProcedureQuery('incidents.list', { activeOnly: false });
  const reload = useCallback(() => void refetch(), [refetch]);
  return { incidents: data ?? null, error: error ?? null, reload };
}
