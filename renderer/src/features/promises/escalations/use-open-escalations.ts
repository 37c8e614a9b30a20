import { useCallback } from 'react';
import type { Escalation } from '../../../../../shared';
import { useProcedureQuery } from '../../../state/queries';

export interface OpenEscalationsState {
  escalations: Escalation[] | null;
  error: unknown;
  reload(): void;
}

/** Every open escalation on any case, kept fresh as agents ask and supervisors decide on any desk (`useIncidentChanges`). */
export function useOpenEscalations(enabled: boolean): OpenEscalationsState {
  const { data, error, refetch } = useProcedureQuery('escalations.list', enabled ? { active: true } : null);
  const reload = useCallback(() => void refetch(), [refetch]);
  return { escalations: data ?? null, error: error ?? null, reload };
}
