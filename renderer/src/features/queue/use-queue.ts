import type { Escalation } from '../../../../shared';
import { useProcedureQuery } from '../../state/queries';

export interface QueueData {
  escalations: Escalation[] | null;
  error: unknown;
  reload(): void;
}

/**
 * The escalations still waiting on someone (open, accepted, escalated), kept live by
 * `useIncidentChanges`, which invalidates `escalations.list` on every escalation change. Each
 * carries its level's time limit and, for a complaint, the regulator's, both from core.
 */
export function useQueue(): QueueData {
  const { data, error, refetch } = useProcedureQuery('escalations.list', { active: true });
  return { escalations: data ?? null, error: error ?? null, reload: () => void refetch() };
}
