import type { Kysely } from 'kysely';
import type { Entity, Mutation, MutationArgs, MutationName } from '../../../shared';
import type { DB } from '../../db';
import type { Policy } from '../../policy';

/** One row a mutation touched: audited, and announced to listeners after commit. */
export interface Effect {
  entity: Entity;
  id: string;
  customerId: string | null;
  /** What the audit row records; defaults to the mutation's args. */
  data?: unknown;
}

/**
 * What a handler may consult besides the rows: the policy bundle in force where the mutation is
 * applied and that host's clock. Authority and policy are checked here, inside the transaction,
 * so a write pushed from another desk is judged by the same rules as one made on this host.
 */
export interface ApplyEnv {
  policy: Policy;
  now: Date;
}

/** How core applies one mutation. Its args were parsed against the contract's schema (`shared/contract/mutations/`). */
export interface MutationHandler<A> {
  /** Writes the domain rows. Runs inside the mutation's transaction; throw AppError to refuse. */
  apply: (trx: Kysely<DB>, args: A, mutation: Mutation, env: ApplyEnv) => Promise<Effect[]>;
}

/** A slice's handlers: exactly one for each of the given mutation names, typed by that mutation's args. */
export type MutationHandlers<Names extends MutationName> = { [N in Names]: MutationHandler<MutationArgs<N>> };

/** The handler of mutation `name`; its args are typed by the contract's schema of that name. */
export function defineMutation<N extends MutationName>(
  _name: N,
  handler: MutationHandler<MutationArgs<N>>,
): MutationHandler<MutationArgs<N>> {
  return handler;
}
