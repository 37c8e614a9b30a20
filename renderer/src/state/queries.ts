import { type QueryClient, type QueryKey, useQuery, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../../shared';
import { useClient } from './client-context';

/**
 * The cache key of a read: the procedure's name and its input, exactly as sent. Every read of the
 * desk goes through this key, so seeding (the screen pop), invalidation (change events) and writes
 * that hand back a fresh value (`setProcedureData`) all agree on where a value lives.
 */
export type ProcedureKey<P extends ProcedureName> = readonly [P, ProcedureInput<P>];

export function procedureKey<P extends ProcedureName>(name: P, input: ProcedureInput<P>): ProcedureKey<P> {
  return [name, input] as const;
}

/** The procedure name of a key made by `procedureKey`, and its input. */
export function keyParts(key: QueryKey): { name: string; input: Record<string, unknown> } | null {
  const [name, input] = key;
  if (typeof name !== 'string' || typeof input !== 'object' || input === null) return null;
  return { name, input: input as Record<string, unknown> };
}

type ExtraOptions<P extends ProcedureName, T> = Omit<
  UseQueryOptions<ProcedureOutput<P>, unknown, T, ProcedureKey<P>>,
  'queryKey' | 'queryFn'
>;

/**
 * One read through the typed client, cached under `[name, input]`. The stale-answer rule is the
 * cache's own: an answer is stored under the key it was asked for, and a screen shows only the key
 * it asks for now, so a slow answer for the previous customer can never replace the current one.
 * Pass `input: null` to wait (nothing is asked until there is an input).
 */
export function useProcedureQuery<P extends ProcedureName, T = ProcedureOutput<P>>(
  name: P,
  input: ProcedureInput<P> | null,
  options: ExtraOptions<P, T> = {},
): UseQueryResult<T, unknown> {
  const client = useClient();
  return useQuery({
    ...options,
    // A disabled query needs a key too; the `null` input never reaches the host.
    queryKey: procedureKey(name, (input ?? null) as ProcedureInput<P>),
    queryFn: () => client.call(name, input as ProcedureInput<P>),
    enabled: input !== null && (options.enabled ?? true),
  });
}

/** Puts a value the host handed back (a screen pop, a write's answer) where its read would have. */
export function setProcedureData<P extends ProcedureName>(
  queryClient: QueryClient,
  name: P,
  input: ProcedureInput<P>,
  value: ProcedureOutput<P> | ((current: ProcedureOutput<P> | undefined) => ProcedureOutput<P> | undefined),
): void {
  queryClient.setQueryData<ProcedureOutput<P>>(procedureKey(name, input), value);
}
