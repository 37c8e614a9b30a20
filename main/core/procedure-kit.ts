import type { MutationArgs, MutationName, ParsedInput, ProcedureName, ProcedureOutput } from '../../shared';
import type { CallContext, CoreDeps } from './context';
import { applyMutation } from './mutations/apply';
import { mintMutation } from './mutations/mint';

export interface CallMeta {
  mutationId?: string | undefined;
  /** sha256 of the procedure and its parsed input; a reused mutation id must come with the same. */
  request?: string | undefined;
}

/** How core implements one procedure of the contract. */
export type Impl<P extends ProcedureName> = (
  deps: CoreDeps,
  input: ParsedInput<P>,
  ctx: CallContext,
  meta: CallMeta,
) => Promise<ProcedureOutput<P>>;

/**
 * A slice's implementations: exactly one for each of the given procedure names. A slice takes its
 * names from its domain's contract file, e.g. `Implementations<ProcedureNamesOf<typeof caseProcedures>>`.
 */
export type Implementations<Names extends ProcedureName> = { [P in Names]: Impl<P> };

/**
 * Mints mutation `name` from this replica and actor and applies it. Only a known mutation name
 * compiles, and only with args of that mutation's schema (`shared/contract/mutations/`).
 */
export async function commit<N extends MutationName>(
  deps: CoreDeps,
  ctx: CallContext,
  name: N,
  args: MutationArgs<N>,
  mutationId?: string,
  request?: string,
): Promise<{ applied: boolean; args: MutationArgs<N> }> {
  const mutation = await mintMutation(deps, ctx, name, args, mutationId, request);
  const { applied, args: asApplied } = await applyMutation(deps, mutation);
  // applyMutation parsed them with the schema of `name`, so they are that mutation's args.
  return { applied, args: asApplied as MutationArgs<N> };
}

/** Mints and applies a mutation for a procedure; returns the args as applied (a retry gets the original's). */
export async function write<N extends MutationName>(
  deps: CoreDeps,
  ctx: CallContext,
  meta: CallMeta,
  name: N,
  args: MutationArgs<N>,
): Promise<MutationArgs<N>> {
  return (await commit(deps, ctx, name, args, meta.mutationId, meta.request)).args;
}
