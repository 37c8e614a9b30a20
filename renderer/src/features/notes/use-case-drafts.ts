import { useCallback, useEffect, useState } from 'react';
import { useClient } from '../../state/client-context';

export interface CaseDrafts {
  /** False until the host said which cases hold a draft; the note box waits for it. */
  known: boolean;
  /** Case id → when its draft was last saved. */
  saved: ReadonlyMap<string, string>;
  mark(caseId: string, hasText: boolean): void;
}

/**
 * Which of the customer's cases hold a draft of this agent's, asked once per customer. After a
 * reload or a crash the note box goes back to the case the agent was writing on, and the case
 * list shows every unfinished note; from then on the note boxes keep it current with `mark`.
 */
export function useCaseDrafts(customerId: string): CaseDrafts {
  const client = useClient();
  const [saved, setSaved] = useState<ReadonlyMap<string, string>>(new Map());
  const [known, setKnown] = useState(false);

  useEffect(() => {
    let current = true;
    setKnown(false);
    setSaved(new Map());
    client
      .call('drafts.forCustomer', { customerId })
      .then((drafts) => current && setSaved(new Map(drafts.map((d) => [d.caseId, d.updatedAt]))))
      // Not knowing where drafts are only costs the automatic choice of case; each box still reads its own.
      .catch(() => undefined)
      .finally(() => current && setKnown(true));
    return () => {
      current = false;
    };
  }, [client, customerId]);

  const mark = useCallback((caseId: string, hasText: boolean) => {
    setSaved((current) => {
      if (hasText === current.has(caseId)) return current;
      const next = new Map(current);
      if (hasText) next.set(caseId, new Date().toISOString());
      else next.delete(caseId);
      return next;
    });
  }, []);

  return { known, saved, mark };
}

/** The case whose draft was saved last, if any: where the agent was writing when they left. */
export function latestDraftCase(saved: ReadonlyMap<string, string>): string | null {
  let best: [string, string] | null = null;
  for (const entry of saved) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0] ?? null;
}
