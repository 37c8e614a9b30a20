import { useCallback } from 'react';
import type { Escalation } from '../../../../../shared';
import { useProcedureQuery } from '../../../state/queries';

const NONE: Escalation[] = [];

/**
 * A case's escalations and approval requests, newest first; read again when a change to the customer
 * invalidates them. A failed read shows nothing: the offers still stand without them, and the next
 * change or reload tries again.
 */
export function useCaseEscalations(caseId: string): { escalations: Escalation[]; reload(): void } {
  const { data, refetch } = useProcedureQuery('escalations.list', { caseId });
  const reload = useCallback(() => void refetch(), [refetch]);
  return { escalations: data ?? NONE, reload };
}
