import { keepPreviousData } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { PolicyAnswer, SuppliedFacts } from '../../../../../shared';
import { useProcedureQuery } from '../../../state/queries';

export interface PolicyAnswerState {
  answer: PolicyAnswer | null;
  error: unknown;
  /** True while an evaluation is on its way (the last answer stays on screen meanwhile). */
  busy: boolean;
  /** What the agent told the engine that it cannot know itself; sent with every evaluation. */
  supplied: SuppliedFacts;
  evaluate(supplied?: SuppliedFacts): void;
}

/**
 * The policy engine's answer for one case (`policy.evaluate`), asked again when a change to the
 * customer invalidates it (a promise was made or broke, a call came in) and when the agent supplies facts.
 */
export function usePolicyAnswer(caseId: string): PolicyAnswerState {
  const [supplied, setSupplied] = useState<SuppliedFacts>({});
  const { data, error, isFetching, refetch } = useProcedureQuery(
    'policy.evaluate',
    { caseId, supplied },
    { staleTime: 0, placeholderData: keepPreviousData },
  );
  const evaluate = useCallback(
    (next?: SuppliedFacts) => {
      // New facts are a new question (a new key); the same ones again ask the engine again.
      if (next && JSON.stringify(next) !== JSON.stringify(supplied)) setSupplied(next);
      else void refetch();
    },
    [refetch, supplied],
  );
  return { answer: data ?? null, error: error ?? null, busy: isFetching, supplied, evaluate };
}
