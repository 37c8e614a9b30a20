import { z } from 'zod';
import { AppErrorShape } from './errors';
import { Mutation } from './mutation';
import { PhoneInput } from '../domain/values';

/**
 * The sync protocol between a desk and the team server (`POST /api/sync/push`, `POST /api/sync/pull`).
 *
 * Push: a desk sends its own writes, in order. `seq` on the wire is the desk's push stream position:
 * the first mutation the server has not applied yet must carry the seq right after the last one it
 * applied for that client id (1 for a new desk), and the new ones must be consecutive. Mutations
 * the server already applied are `skipped` (a replayed batch writes nothing). The batch applies in
 * one transaction: one refused mutation and nothing of the batch is kept.
 *
 * Pull: changes after a cursor, for the customers the desk holds plus those of no customer
 * (incidents), each with its mutation so the desk re-applies it through `applyMutation` under the
 * same id (idempotent). The server pokes desks over the event socket (`changed`); a poked desk pulls.
 */

/** Most mutations in one push; a desk sends more in several batches. */
export const SYNC_PUSH_MAX_MUTATIONS = 500;
/** Largest push body in bytes; larger is `payload_too_large`. */
export const SYNC_PUSH_MAX_BYTES = 4 * 1024 * 1024;
/** Most customers a pull may name. */
export const SYNC_PULL_MAX_CUSTOMERS = 5000;
/** Default and largest page of a pull. */
export const SYNC_PULL_DEFAULT_LIMIT = 500;
export const SYNC_PULL_MAX_LIMIT = 1000;

/** A position in the server's change log: the last `changeSeq` a desk has seen (0 = nothing yet). */
export const SyncCursor = z.number().int().nonnegative();

const ClientId = z.string().min(1).max(100);

export const SyncPushRequest = z
  .object({
    clientId: ClientId,
    mutations: z.array(Mutation).min(1),
  })
  .strict();
export type SyncPushRequest = z.infer<typeof SyncPushRequest>;

export const SyncRefusal = z.object({ id: z.uuid(), error: AppErrorShape });
export type SyncRefusal = z.infer<typeof SyncRefusal>;

export const SyncPushResponse = z.object({
  /** Applied now, in order. Empty when anything was refused. */
  applied: z.array(z.uuid()),
  /** Already applied before (a retry): nothing written for them. */
  skipped: z.array(z.uuid()),
  /** At most one: the mutation that stopped the batch, and why. When present, nothing of the batch was kept. */
  refused: z.array(SyncRefusal),
  /** The server's change log position after this push. */
  cursor: SyncCursor,
});
export type SyncPushResponse = z.infer<typeof SyncPushResponse>;

export const SyncPullRequest = z
  .object({
    clientId: ClientId,
    cursor: SyncCursor,
    /** The customers this desk holds. Changes of no customer (incidents) always come. */
    customerIds: z.array(z.uuid()).max(SYNC_PULL_MAX_CUSTOMERS),
    limit: z.number().int().min(1).max(SYNC_PULL_MAX_LIMIT).optional(),
  })
  .strict();
export type SyncPullRequest = z.infer<typeof SyncPullRequest>;

export const SyncChange = z.object({
  changeSeq: z.number().int().positive(),
  entity: z.string(),
  id: z.string(),
  customerId: z.string().nullable(),
  mutationId: z.uuid(),
  name: z.string(),
  args: z.unknown(),
  /** The full mutation as the server applied it, to re-apply locally under the same id. */
  mutation: Mutation,
});
export type SyncChange = z.infer<typeof SyncChange>;

export const SyncPullResponse = z.object({
  changes: z.array(SyncChange),
  /** Pass back as the next pull's cursor. */
  cursor: SyncCursor,
  /** True when more changes follow this page: pull again with `cursor`. */
  more: z.boolean(),
});
export type SyncPullResponse = z.infer<typeof SyncPullResponse>;

/**
 * `POST /api/sync/customer`: the screen pop of a customer this desk does not hold, while online.
 * By id or by the number that rang (one of them): every change of that customer the caller may
 * read, in order, to apply before the pop answers. `customerId` is null when nobody has that number.
 */
export const SyncCustomerRequest = z
  .object({
    clientId: ClientId,
    customerId: z.uuid().optional(),
    phone: PhoneInput.optional(),
  })
  .strict()
  .refine((v) => (v.phone === undefined) !== (v.customerId === undefined), { message: 'phone_or_customer', path: ['phone'] });
export type SyncCustomerRequest = z.infer<typeof SyncCustomerRequest>;

export const SyncCustomerResponse = z.object({
  customerId: z.string().nullable(),
  changes: z.array(SyncChange),
});
export type SyncCustomerResponse = z.infer<typeof SyncCustomerResponse>;

/** The issue messages of sync's typed errors (in `error.issues[].message`). */
export const SYNC_ISSUES = {
  sequenceGap: 'sequence_gap',
  actorMismatch: 'actor_mismatch',
  clientMismatch: 'client_mismatch',
  tooMany: 'too_many_mutations',
} as const;
