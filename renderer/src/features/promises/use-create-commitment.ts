import { useCallback } from 'react';
import type { ProcedureInput, ProcedureOutput } from '../../../../shared';
import { useClient } from '../../state/client-context';
import { useMutationAttempt } from '../../state/use-mutation-attempt';

export type CreateCommitmentInput = ProcedureInput<'commitments.create'>;
export type CreatedCommitment = ProcedureOutput<'commitments.create'>;

/** Records a promise; sending the same promise again after a failure reuses its id, so it is never made twice. */
export function useCreateCommitment(): (input: CreateCommitmentInput) => Promise<CreatedCommitment> {
  const client = useClient();
  const attempt = useMutationAttempt();
  return useCallback(
    async (input: CreateCommitmentInput) => {
      const result = await client.call('commitments.create', input, { mutationId: attempt.idFor(JSON.stringify(input)) });
      attempt.succeeded();
      return result;
    },
    [client, attempt],
  );
}
