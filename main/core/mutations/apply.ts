import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  AppError,
  canonicalJson,
  invalidInput,
  isMutationName,
  type Mutation,
  type MutationArgs,
  type MutationName,
  mutationArgs,
} from '../../../shared';
import { type DB, writeTransaction } from '../../db';
import { appendAudit } from '../audit/audit';
import type { CoreDeps } from '../context';
import { CLOCK_SKEW_MS } from '../time-bounds';
import { mutationHandlers } from './registry';
import type { Effect, MutationHandler } from './types';

export interface ApplyResult {
  /** False when this mutation id had already been applied: nothing was written. */
  applied: boolean;
  /** The args as first applied, so a retry reads back the same rows. */
  args: unknown;
}

/**
 * The args a mutation id was first applied with, or undefined when it is new. An id names one
 * write: reused for another mutation, by another actor, or for another request (or, without a
 * request to compare, with other args) it is a conflict, never the first write's answer.
 */
async function alreadyApplied(trx: Kysely<DB>, mutation: Mutation, args: unknown): Promise<unknown> {
  const row = await trx
    .selectFrom('applied_mutations')
    .select(['name', 'actor_id', 'args', 'request'])
    .where('id', '=', mutation.id)
    .executeTakeFirst();
  if (!row) return undefined;
  const sameRequest =
    row.name === mutation.name &&
    row.actor_id === mutation.actor &&
    (row.request && mutation.request ? row.request === mutation.request : row.args === canonicalJson(args));
  if (!sameRequest)
    throw new AppError('conflict', 'This mutation id was already used for a different write. Send a new id.', [
      { path: 'mutationId', message: 'mutation_id_reused' },
    ]);
  return JSON.parse(row.args);
}

/**
 * Applies one mutation in one transaction: domain rows, audit rows, the applied-mutation
 * ledger, (on a desk) the outbox and (on the team server) the change log. Applying the same id twice is a no-op.
 *
 * A mutation may come from another desk, so its args are checked here against the contract's
 * schema for its name, whoever minted it: unknown names are `bad_request`, args that fail the
 * schema are `invalid_input`, and neither writes anything.
 */
export async function applyMutation(deps: CoreDeps, mutation: Mutation): Promise<ApplyResult> {
  const prepared = prepareMutation(deps, mutation);
  const outcome = await writeTransaction(deps.db, (trx) => applyPrepared(deps, trx, prepared));
  // Announced only after commit, so no listener ever sees a write that could still roll back.
  announceEffects(deps, outcome.effects);
  return { applied: outcome.applied, args: outcome.args };
}

/** What one mutation did inside a transaction: the ledger's answer and the rows it touched. */
export interface AppliedInTransaction extends ApplyResult {
  effects: Effect[];
}

/**
 * Applies one mutation inside a write transaction the caller opened (`writeTransaction`), so that a
 * batch (a desk's push) applies several in order and commits or rolls back as one. The checks are
 * those of `applyMutation`; nothing is announced: call `announceEffects` after the commit.
 */
export async function applyMutationInTransaction(deps: CoreDeps, trx: Kysely<DB>, mutation: Mutation): Promise<AppliedInTransaction> {
  return applyPrepared(deps, trx, prepareMutation(deps, mutation));
}

/** Tells listeners (event socket, other instances) about rows a committed transaction changed. */
export function announceEffects(deps: CoreDeps, effects: readonly Effect[]): void {
  for (const effect of effects)
    deps.bus.emit({ event: 'changed', payload: { entity: effect.entity, id: effect.id, customerId: effect.customerId } });
}

interface Prepared {
  mutation: Mutation;
  handler: MutationHandler<unknown>;
  args: unknown;
}

function prepareMutation(deps: CoreDeps, mutation: Mutation): Prepared {
  if (!isMutationName(mutation.name)) throw new AppError('bad_request', `Unknown mutation "${mutation.name}".`);
  return prepareNamed(deps, mutation, mutation.name);
}

function prepareNamed<N extends MutationName>(deps: CoreDeps, mutation: Mutation, name: N): Prepared {
  const handler: MutationHandler<MutationArgs<N>> = mutationHandlers[name];
  // mutationArgs[N] is by definition the schema whose output is MutationArgs<N>; TypeScript cannot follow a generic index into the union.
  const schema = mutationArgs[name] as unknown as z.ZodType<MutationArgs<N>>;
  const parsed = schema.safeParse(mutation.args);
  if (!parsed.success) throw invalidInput(parsed.error);
  // A write dated ahead of this host's clock would count as recent for ever (and sort first).
  if (Date.parse(mutation.at) > deps.now().getTime() + CLOCK_SKEW_MS)
    throw new AppError('invalid_input', 'This write is dated in the future.', [{ path: 'at', message: 'time_out_of_range' }]);
  // The args were parsed by the schema of this handler's name, so the pair stays typed together.
  return { mutation, handler: handler as MutationHandler<unknown>, args: parsed.data };
}

async function applyPrepared(
  deps: CoreDeps,
  trx: Kysely<DB>,
  { mutation, handler, args: parsedArgs }: Prepared,
): Promise<AppliedInTransaction> {
  const previous = await alreadyApplied(trx, mutation, parsedArgs);
  if (previous !== undefined) return { applied: false, args: previous, effects: [] };

  // One bundle for the whole write, even if another is published while it runs.
  const effects = await handler.apply(trx, parsedArgs, mutation, { policy: deps.policy.current(), now: deps.now() });
  for (const effect of effects) {
    await appendAudit(trx, {
      at: mutation.at,
      actorId: mutation.actor,
      mutationId: mutation.id,
      action: mutation.name,
      entity: effect.entity,
      entityId: effect.id,
      data: effect.data ?? parsedArgs,
    });
  }
  const args = canonicalJson(parsedArgs);
  await trx
    .insertInto('applied_mutations')
    .values({
      id: mutation.id,
      client_id: mutation.clientId,
      seq: mutation.seq,
      name: mutation.name,
      args,
      actor_id: mutation.actor,
      at: mutation.at,
      applied_at: deps.now().toISOString(),
      request: mutation.request ?? null,
    })
    .execute();
  if (deps.changeLog) {
    const appliedAt = deps.now().toISOString();
    for (const effect of effects)
      await trx
        .insertInto('changes')
        .values({ mutation_id: mutation.id, entity: effect.entity, entity_id: effect.id, customer_id: effect.customerId, at: appliedAt })
        .execute();
  }
  if (deps.outbox) {
    await trx
      .insertInto('outbox')
      .values({
        mutation_id: mutation.id,
        mutation: canonicalJson({ ...mutation, args: parsedArgs }),
        created_at: deps.now().toISOString(),
        status: 'pending',
        attempts: 0,
        last_error: null,
      })
      .execute();
  }
  return { applied: true, args: parsedArgs, effects };
}
