import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { setProcedureData, useProcedureQuery } from '../../state/queries';

export interface CaseDrafts {
  /** False until the host said which cases hold a draft; the note box waits for it. */
  known: boolean;
  /** Case id → when its draft was last saved. */
  saved: ReadonlyMap<string, string>;
  mark(caseId: string, hasText: boolean): void;
}

/**
 * Which of the customer's cases hold a draft of this agent's (`drafts.forCustomer`, seeded by the
 * screen pop). After a reload or a crash the note box goes back to the case the agent was writing on,
 * and the case list shows every unfinished note; from then on the note boxes keep it current with `mark`.
 * Not knowing where drafts are only costs the automatic choice of case; each box still reads its own.
 */
export function useCaseDrafts(customerId: string): CaseDrafts {
  const queryClient = useQueryClient();
  // Only the note boxes change drafts, and they say so with `mark`: no re-read needed.
  const { data, isPending } = useProcedureQuery('drafts.forCustomer', { customerId }, { staleTime: Infinity });
  const saved = useMemo(() => new Map((data ?? []).map((d) => [d.caseId, d.updatedAt])), [data]);

  const mark = useCallback(
    (caseId: string, hasText: boolean) =>
      setProcedureData(queryClient, 'drafts.forCustomer', { customerId }, (current) => {
        const list = current ?? [];
        if (hasText === list.some((d) => d.caseId === caseId)) return current;
        const rest = list.filter((d) => d.caseId !== caseId);
        return hasText ? [...rest, { caseId, updatedAt: new Date().toISOString() }] : rest;
      }),
    [queryClient, customerId],
  );

  return { known: !isPending, saved, mark };
}

/** The case whose draft was saved last, if any: where the agent was writing when they left. */
export function latestDraftCase(saved: ReadonlyMap<string, string>): string | null {
  let best: [string, string] | null = null;
  for (const entry of saved) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0] ?? null;
}
