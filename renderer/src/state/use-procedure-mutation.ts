import { useMutation } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../../shared';
import { useClient } from './client-context';
import { useMutationAttempt } from './use-mutation-attempt';

export interface ProcedureMutation<P extends ProcedureName> {
  busy: boolean;
  /** The last failure, as the client threw it (or as the form set it); null while sending and after a success. */
  error: unknown;
  /** For a form that refuses an input itself before asking the host. */
  setError(error: unknown): void;
  /** Sends the write and resolves with the host's answer; a failure rejects and is kept in `error`. */
  call(input: ProcedureInput<P>): Promise<ProcedureOutput<P>>;
  /** The same, for a form: `onDone` runs on success, a failure only shows in `error`. */
  send(input: ProcedureInput<P>, onDone?: (output: ProcedureOutput<P>) => void): void;
}

/**
 * The desk's one write hook. Every write a person may retry goes through it: the same input sent
 * again after a failure reuses its mutation id (see `useMutationAttempt`), so a retry of a write that
 * did land before the connection dropped cannot apply twice. Anything else gets a fresh id.
 */
export function useProcedureMutation<P extends ProcedureName>(name: P): ProcedureMutation<P> {
  const client = useClient();
  const attempt = useMutationAttempt();
  const [formError, setFormError] = useState<unknown>(null);
  const mutation = useMutation<ProcedureOutput<P>, unknown, ProcedureInput<P>>({
    mutationFn: (input) => client.call(name, input, { mutationId: attempt.idFor(JSON.stringify(input)) }),
    onSuccess: () => attempt.succeeded(),
  });
  const { mutateAsync, reset } = mutation;

  const call = useCallback(
    (input: ProcedureInput<P>) => {
      setFormError(null);
      return mutateAsync(input);
    },
    [mutateAsync],
  );

  const send = useCallback(
    (input: ProcedureInput<P>, onDone?: (output: ProcedureOutput<P>) => void) => {
      call(input).then(onDone, () => undefined);
    },
    [call],
  );

  const setError = useCallback(
    (error: unknown) => {
      reset();
      setFormError(error);
    },
    [reset],
  );

  return { busy: mutation.isPending, error: formError ?? mutation.error ?? null, setError, call, send };
}
