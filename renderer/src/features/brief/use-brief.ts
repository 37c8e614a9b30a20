import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Brief, PinnedFact } from '../../../../shared';
import { setProcedureData, useProcedureQuery } from '../../state/queries';

const REFRESH_OPEN_PROMISES_MS = 60_000;

export interface BriefState {
  brief: Brief | null;
  error: unknown;
  reload(): void;
  /** Shows a fact the host has just acknowledged, before the re-read arrives. */
  addFact(fact: PinnedFact): void;
  removeFact(id: string): void;
}

function hasOpenCommitments(brief: Brief | undefined): boolean {
  return brief !== undefined && brief.commitments.open.length + brief.commitments.dueSoon.length + brief.commitments.overdue.length > 0;
}

/**
 * The customer brief, read in one call (or seeded by the screen pop); re-read when a change to the
 * customer or to known incidents invalidates it, and as open promises age.
 */
export function useBrief(customerId: string): BriefState {
  const queryClient = useQueryClient();
  const { data, error, refetch } = useProcedureQuery(
    'customers.brief',
    { customerId },
    {
      // An open promise moves towards its due time with no event to say so (due within a day, hours
      // left): while there is one, the brief is read again each minute so its words stay true. Only
      // while the page is visible (React Query's default for intervals).
      refetchInterval: (query) => (hasOpenCommitments(query.state.data) ? REFRESH_OPEN_PROMISES_MS : false),
    },
  );
  const reload = useCallback(() => void refetch(), [refetch]);

  const update = useCallback(
    (change: (brief: Brief) => Brief) =>
      setProcedureData(queryClient, 'customers.brief', { customerId }, (current) => (current ? change(current) : current)),
    [queryClient, customerId],
  );
  const addFact = useCallback(
    (fact: PinnedFact) =>
      update((current) =>
        current.customer.id === fact.customerId && !current.pinnedFacts.some((f) => f.id === fact.id)
          ? { ...current, pinnedFacts: [fact, ...current.pinnedFacts] }
          : current,
      ),
    [update],
  );
  const removeFact = useCallback(
    (id: string) => update((current) => ({ ...current, pinnedFacts: current.pinnedFacts.filter((f) => f.id !== id) })),
    [update],
  );

  return { brief: data ?? null, error: error ?? null, reload, addFact, removeFact };
}
