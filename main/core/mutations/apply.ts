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
import { mutationHandlers } from './registry';
import type { Effect, MutationHandler } from './types';

export interface ApplyResult {
  /** False when this mutation id had already been applied: nothing was written. */
  applied: boolean;
  /** The args as first applied, so a retry reads back the same rows. */
  args: unknown;
}

async function alreadyApplied(trx: Kysely<DB>, id: string): Promise<unknown> {
  const row = await trx.selectFrom('applied_mutations').select('args').where('id', '=', id).executeTakeFirst();
  return row ? JSON.parse(row.args) : undefined;
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

  const outcome = await writeTransaction(deps.db, async (trx) => {
    const previous = await alreadyApplied(trx, mutation.id);
    if (previous !== undefined) return { applied: false, args: previous, effects: [] as Effect[] };

    const effects = await handler.apply(trx, parsed.data, mutation);
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
