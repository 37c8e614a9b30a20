import { useCallback, useEffect, useRef, useState } from 'react';
import type { PolicyAnswer, SuppliedFacts } from '../../../../shared';
import { useClient } from '../../state/client-context';

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
 * The policy engine's answer for one case, asked again whenever `refreshKey` moves (something about
 * the customer changed: a promise was made or broke, a call came in) and when the agent supplies facts.
 */
export function usePolicyAnswer(caseId: string, refreshKey: number): PolicyAnswerState {
  const client = useClient();
  const [answer, setAnswer] = useState<PolicyAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(true);
  const [supplied, setSupplied] = useState<SuppliedFacts>({});
  const suppliedRef = useRef(supplied);
  const asked = useRef(0);

  const evaluate = useCallback(
    (next?: SuppliedFacts) => {
      if (next) {
        suppliedRef.current = next;
        setSupplied(next);
      }
      const request = ++asked.current;
      setBusy(true);
      client
        .call('policy.evaluate', { caseId, supplied: suppliedRef.current })
        .then((value) => {
          if (request !== asked.current) return;
          setAnswer(value);
          setError(null);
        })
        .catch((e: unknown) => request === asked.current && setError(e))
        .finally(() => request === asked.current && setBusy(false));
    },
    [client, caseId],
  );

  useEffect(() => {
    evaluate();
  }, [evaluate, refreshKey]);

  return { answer, error, busy, supplied, evaluate };
}
