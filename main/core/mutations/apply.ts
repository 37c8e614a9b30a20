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
 * ledger and (on a desk) the outbox. Applying the same id twice is a no-op.
 *
 * A mutation may come from another desk, so its args are checked here against the contract's
 * schema for its name, whoever minted it: unknown names are `bad_request`, args that fail the
 * schema are `invalid_input`, and neither writes anything.
 */
export async function applyMutation(deps: CoreDeps, mutation: Mutation): Promise<ApplyResult> {
  if (!isMutationName(mutation.name)) throw new AppError('bad_request', `Unknown mutation "${mutation.name}".`);
  return applyNamed(deps, mutation, mutation.name);
}

async function applyNamed<N extends MutationName>(deps: CoreDeps, mutation: Mutation, name: N): Promise<ApplyResult> {
  const handler: MutationHandler<MutationArgs<N>> = mutationHandlers[name];
  // mutationArgs[N] is by definition the schema whose output is MutationArgs<N>; TypeScript cannot follow a generic index into the union.
  const schema = mutationArgs[name] as unknown as z.ZodType<MutationArgs<N>>;
  const parsed = schema.safeParse(mutation.args);
  if (!parsed.success) throw invalidInput(parsed.error);
  // A write dated ahead of this host's clock would count as recent for ever (and sort first).
  if (Date.parse(mutation.at) > deps.now().getTime() + CLOCK_SKEW_MS)
    throw new AppError('invalid_input', 'This write is dated in the future.', [{ path: 'at', message: 'time_out_of_range' }]);

  const outcome = await writeTransaction(deps.db, async (trx) => {
    const previous = await alreadyApplied(trx, mutation, parsed.data);
    if (previous !== undefined) return { applied: false, args: previous, effects: [] as Effect[] };

    const effects = await handler.apply(trx, parsed.data, mutation, { policy: deps.policy, now: deps.now() });
    for (const effect of effects) {
      await appendAudit(trx, {
        at: mutation.at,
        actorId: mutation.actor,
        mutationId: mutation.id,
        action: mutation.name,
        entity: effect.entity,
        entityId: effect.id,
        data: effect.data ?? parsed.data,
      });
    }
    const args = canonicalJson(parsed.data);
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
    if (deps.outbox) {
      await trx
        .insertInto('outbox')
        .values({
          mutation_id: mutation.id,
          mutation: canonicalJson({ ...mutation, args: parsed.data }),
          created_at: deps.now().toISOString(),
          status: 'pending',
          attempts: 0,
          last_error: null,
        })
        .execute();
    }
    return { applied: true, args: parsed.data as unknown, effects };
  });

  // Announced only after commit, so no listener ever sees a write that could still roll back.
  for (const effect of outcome.effects)
    deps.bus.emit({ event: 'changed', payload: { entity: effect.entity, id: effect.id, customerId: effect.customerId } });
  return { applied: outcome.applied, args: outcome.args };
}
