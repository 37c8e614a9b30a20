import { useCallback } from 'react';
import type { CaseSummary, ProcedureInput } from '../../../../shared';
import { useClient } from '../../state/client-context';
import { useMutationAttempt } from '../../state/use-mutation-attempt';

export type CaseUpdate = ProcedureInput<'cases.update'>;

/** Changes case fields against the version the agent saw; a retry of the same change reuses its id. */
export function useUpdateCase(): (update: CaseUpdate) => Promise<CaseSummary> {
  const client = useClient();
  const attempt = useMutationAttempt();
  return useCallback(
    async (update: CaseUpdate) => {
      const result = await client.call('cases.update', update, { mutationId: attempt.idFor(JSON.stringify(update)) });
      attempt.succeeded();
      return result;
    },
    [client, attempt],
  );
}
