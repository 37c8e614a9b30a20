import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Entity, Mutation } from '../../../shared';
import type { DB } from '../../db';

/** One row a mutation touched: audited, and announced to listeners after commit. */
export interface Effect {
  entity: Entity;
  id: string;
  customerId: string | null;
  /** What the audit row records; defaults to the mutation's args. */
  data?: unknown;
}

export interface MutationHandler<A> {
  args: z.ZodType<A>;
  /** Writes the domain rows. Runs inside the mutation's transaction; throw AppError to refuse. */
  apply(trx: Kysely<DB>, args: A, mutation: Mutation): Promise<Effect[]>;
}

export function defineMutation<A>(handler: MutationHandler<A>): MutationHandler<A> {
  return handler;
}
