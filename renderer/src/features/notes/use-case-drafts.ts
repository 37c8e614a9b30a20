import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseSummary } from '../../../../shared';
import { newestFirst } from '../../format/cases';
import { useClient } from '../../state/client-context';

/** Enough for any customer an agent meets on a call; older cases are still reachable by choosing them. */
const CHECKED_CASES = 20;

export interface CaseDrafts {
  /** False until the host said which cases hold a draft; the note box waits for it. */
  known: boolean;
  /** Case id → when its draft was last saved. */
  saved: ReadonlyMap<string, string>;
  mark(caseId: string, hasText: boolean): void;
}

/**
 * Which of the customer's cases hold a draft of this agent's. After a reload or a crash the note box
 * goes back to the case the agent was writing on, and the case list shows every unfinished note.
 */
export function useCaseDrafts(cases: readonly CaseSummary[] | null): CaseDrafts {
  const client = useClient();
  const [saved, setSaved] = useState<ReadonlyMap<string, string>>(new Map());
  const [known, setKnown] = useState(false);
  const checked = useRef(new Set<string>());

  useEffect(() => {
    if (!cases) return;
    const fresh = newestFirst(cases)
      .slice(0, CHECKED_CASES)
      .filter((c) => !checked.current.has(c.id));
    if (fresh.length === 0) {
      setKnown(true);
      return;
    }
    for (const c of fresh) checked.current.add(c.id);
    // Answers are merged even if the case list changed meanwhile: these cases are checked only once.
    Promise.all(fresh.map((c) => client.call('drafts.get', { caseId: c.id }).then((d) => [c.id, d] as const)))
      .then((answers) => {
        setSaved((current) => {
          const next = new Map(current);
          for (const [id, draft] of answers) if (draft && draft.body.length > 0) next.set(id, draft.updatedAt);
          return next;
        });
      })
      // Not knowing where drafts are only costs the automatic choice of case; each box still reads its own.
      .catch(() => undefined)
      .finally(() => setKnown(true));
  }, [client, cases]);

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
