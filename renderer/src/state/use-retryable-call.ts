import { useState } from 'react';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../../shared';
import { useClient } from './client-context';
import { useMutationAttempt } from './use-mutation-attempt';

export interface RetryableCall<P extends ProcedureName> {
  busy: boolean;
  /** The last failure, as the client threw it; null while sending and after a success. */
  error: unknown;
  /** For a form that refuses an input itself before asking the host. */
  setError(error: unknown): void;
  send(input: ProcedureInput<P>, onDone: (output: ProcedureOutput<P>) => void): void;
}

/**
 * One write a person may retry, for the forms that send it: the same input sent again after a
 * failure reuses its mutation id (see `useMutationAttempt`), so a retry cannot write twice.
 */
export function useRetryableCall<P extends ProcedureName>(name: P): RetryableCall<P> {
  const client = useClient();
  const attempt = useMutationAttempt();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const send = (input: ProcedureInput<P>, onDone: (output: ProcedureOutput<P>) => void) => {
    setBusy(true);
    setError(null);
    client
      .call(name, input, { mutationId: attempt.idFor(JSON.stringify(input)) })
      .then((output) => {
        attempt.succeeded();
        onDone(output);
      })
      .catch(setError)
      .finally(() => setBusy(false));
  };

  return { busy, error, setError, send };
}
