import { useCallback } from 'react';
import type { PinnedFact, ProcedureInput } from '../../../../shared';
import { useClient } from '../../state/client-context';
import { useMutationAttempt } from '../../state/use-mutation-attempt';

export type PinRequest = ProcedureInput<'facts.pin'>;

/** Pins a note, or a short fact written for the purpose. A retry of the same pin reuses its mutation id. */
export function usePinFact(): (request: PinRequest) => Promise<PinnedFact> {
  const client = useClient();
  const attempt = useMutationAttempt();
  return useCallback(
    async (request: PinRequest) => {
      const fact = await client.call('facts.pin', request, { mutationId: attempt.idFor(JSON.stringify(request)) });
      attempt.succeeded();
      return fact;
    },
    [client, attempt],
  );
}

/** Takes a fact off the brief. Unpinning twice changes nothing, so no attempt id is needed. */
export function useUnpinFact(): (id: string) => Promise<void> {
  const client = useClient();
  return useCallback(
    async (id: string) => {
      await client.call('facts.unpin', { id });
    },
    [client],
  );
}
