import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Escalation } from '../../../../shared';
import { useClient } from '../../state/client-context';
import { procedureKey, useProcedureQuery } from '../../state/queries';
import { isComplaint } from './queue-order';

export interface QueueData {
  escalations: Escalation[] | null;
  error: unknown;
  reload(): void;
  /** When each complaint's case opened (for the regulator's 15 days), by case id, as far as read. */
  openedAt: ReadonlyMap<string, string>;
}

/**
 * The open escalations (kept live by `useIncidentChanges`, which invalidates `escalations.list` on
 * every escalation change), and for complaint rows only, their case (`cases.get`) for its opening
 * time. Complaints are few, and the case view is usually cached from the desk already.
 */
export function useQueue(): QueueData {
  const client = useClient();
  const { data, error, refetch } = useProcedureQuery('escalations.list', { status: 'open' });
  const complaintCases = useMemo(() => [...new Set((data ?? []).filter(isComplaint).map((e) => e.caseId))], [data]);
  const cases = useQueries({
    queries: complaintCases.map((id) => ({
      queryKey: procedureKey('cases.get', { id }),
      queryFn: () => client.call('cases.get', { id }),
    })),
  });
  const openedAt = new Map<string, string>();
  for (const c of cases) if (c.data) openedAt.set(c.data.id, c.data.openedAt);
  return { escalations: data ?? null, error: error ?? null, reload: () => void refetch(), openedAt };
}
