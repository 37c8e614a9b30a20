import type { ParsedInput, ProcedureName, ProcedureOutput } from '../../shared';
import type { CallContext, CoreDeps } from './context';
import { applyMutation } from './mutations/apply';
import { mintMutation } from './mutations/mint';

export interface CallMeta {
  mutationId?: string | undefined;
}

/** How core implements one procedure of the contract. */
export type Impl<P extends ProcedureName> = (
  deps: CoreDeps,
  input: ParsedInput<P>,
  ctx: CallContext,
  meta: CallMeta,
) => Promise<ProcedureOutput<P>>;

export type Implementations<Names extends ProcedureName> = { [P in Names]: Impl<P> };

/** Mints and applies a mutation; returns the args as applied (a retry gets the original's). */
export async function write<A>(deps: CoreDeps, ctx: CallContext, meta: CallMeta, name: string, args: A): Promise<A> {
  const mutation = await mintMutation(deps, ctx, name, args, meta.mutationId);
  return (await applyMutation(deps, mutation)).args as A;
}
