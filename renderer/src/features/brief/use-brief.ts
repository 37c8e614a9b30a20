import { useCallback, useEffect, useRef, useState } from 'react';
import type { Brief, PinnedFact } from '../../../../shared';
import { useClient } from '../../state/client-context';
import { useIncidentChanges } from '../../state/use-incident-changes';

const REFRESH_OPEN_PROMISES_MS = 60_000;

export interface BriefState {
  brief: Brief | null;
  error: unknown;
  reload(): void;
  /** Shows a fact the host has just acknowledged, before the re-read arrives. */
  addFact(fact: PinnedFact): void;
  removeFact(id: string): void;
}

/** The customer brief, read in one call; re-read on changes to the customer, to known incidents, and as open promises age. */
export function useBrief(customerId: string): BriefState {
  const client = useClient();
  const [brief, setBrief] = useState<Brief | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Answers are applied in the order they were asked for: a slow early read never replaces a later one.
  const asked = useRef(0);
  const applied = useRef(0);

  const reload = useCallback(() => {
    const request = ++asked.current;
    client
      .call('customers.brief', { customerId })
      .then((value) => {
        if (request < applied.current || value.customer.id !== customerId) return;
        applied.current = request;
        setBrief(value);
        setError(null);
      })
      .catch((e: unknown) => {
        if (request >= applied.current) setError(e);
      });
  }, [client, customerId]);

  useEffect(() => {
    setBrief(null);
    setError(null);
    reload();
  }, [reload]);

  useIncidentChanges(reload);

  // An open promise moves towards its due time with no event to say so (due within a day, hours
  // left): while there is one, the brief is read again each minute so its words stay true.
  const ticking = brief !== null && brief.commitments.open.length + brief.commitments.dueSoon.length + brief.commitments.overdue.length > 0;
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, REFRESH_OPEN_PROMISES_MS);
    return () => clearInterval(timer);
  }, [ticking, reload]);

  const addFact = useCallback((fact: PinnedFact) => {
    setBrief((current) =>
      current && current.customer.id === fact.customerId && !current.pinnedFacts.some((f) => f.id === fact.id)
        ? { ...current, pinnedFacts: [fact, ...current.pinnedFacts] }
        : current,
    );
  }, []);

  const removeFact = useCallback((id: string) => {
    setBrief((current) => (current ? { ...current, pinnedFacts: current.pinnedFacts.filter((f) => f.id !== id) } : current));
  }, []);

  return { brief, error, reload, addFact, removeFact };
}
