import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import {
  type Agent,
  AppError,
  type Mutation,
  SYNC_ISSUES,
  SYNC_PULL_DEFAULT_LIMIT,
  SYNC_PUSH_MAX_BYTES,
  SYNC_PUSH_MAX_MUTATIONS,
  type SyncChange,
  SyncPullRequest,
  type SyncPullResponse,
  SyncPushRequest,
  type SyncPushResponse,
  invalidInput,
} from '../shared';
import { type Core, type CoreDeps, type Effect, announceEffects, applyMutationInTransaction } from '../main/core';
import { type DB, groupedWriteTransaction } from '../main/db';
import type { ActorResolver } from './auth/sessions';
import { sendError } from './rpc-routes';

/** A mutation of the batch was refused: the batch rolls back and the answer names it. */
class Refused extends Error {
  constructor(
    readonly id: string,
    readonly error: AppError,
  ) {
    super(error.message);
  }
}

/**
 * POST /api/sync/push and POST /api/sync/pull (`shared/contract/sync.ts`). The caller is resolved as
 * the rpc routes resolve it; every pushed mutation must be that caller's, from that caller's desk.
 */
export function registerSyncRoutes(app: FastifyInstance, core: Core, resolveActor: ActorResolver): void {
  // From now on every write of this core (pushes, procedures, the clock, webhooks) is logged for desks to pull.
  core.deps.changeLog = true;
  app.post('/api/sync/push', { bodyLimit: SYNC_PUSH_MAX_BYTES }, async (request, reply) => {
    const body = request.body as { mutations?: unknown } | undefined;
    if (Array.isArray(body?.mutations) && body.mutations.length > SYNC_PUSH_MAX_MUTATIONS)
      return sendError(reply, {
        code: 'payload_too_large',
        message: `At most ${SYNC_PUSH_MAX_MUTATIONS} mutations per push; send the rest in another batch.`,
        issues: [{ path: 'mutations', message: SYNC_ISSUES.tooMany }],
      });
    // The pusher is the session's person, like every call's; a desk cannot push as someone else.
    const actor = await resolveActor(request);
    if (!actor) return sendError(reply, { code: 'unauthenticated', message: 'Sign in first.' });
    const parsed = SyncPushRequest.safeParse(request.body);
    if (!parsed.success) return sendError(reply, invalidInput(parsed.error).toShape());
    try {
      const value = await push(core.deps, actor.agent, parsed.data);
      return reply.send({ ok: true, value });
    } catch (error) {
      if (error instanceof AppError) return sendError(reply, error.toShape());
      throw error;
    }
  });

  app.post('/api/sync/pull', async (request, reply) => {
    const actor = await resolveActor(request);
    if (!actor) return sendError(reply, { code: 'unauthenticated', message: 'Sign in first.' });
    const parsed = SyncPullRequest.safeParse(request.body);
    if (!parsed.success) return sendError(reply, invalidInput(parsed.error).toShape());
    return reply.send({ ok: true, value: await pull(core.deps.db, parsed.data) });
  });
}

function forbidden(message: string, issue: string, path: string): AppError {
  return new AppError('forbidden', message, [{ path, message: issue }]);
}

async function currentCursor(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('changes')
    .select((eb) => eb.fn.max('change_seq').as('last'))
    .executeTakeFirst();
  // PostgreSQL returns a bigint as a string.
  return Number(row?.last ?? 0);
}

/**
 * Applies a desk's batch in order in one write transaction: ids already applied are skipped, new
 * ones must continue the desk's sequence, and every row a new one touches gets a change_seq (the
 * core's change log, on since the routes were registered). A
 * refusal rolls back the whole batch and is answered (not thrown); a bad batch is a typed error.
 */
export async function push(deps: CoreDeps, actor: Agent, request: SyncPushRequest): Promise<SyncPushResponse> {
  const { clientId, mutations } = request;
  if (!deps.changeLog) throw new AppError('unavailable', 'This server does not keep a change log.');
  mutations.forEach((mutation, i) => {
    if (mutation.clientId !== clientId)
      throw forbidden(
        'Every mutation of a push must come from the desk that pushes it.',
        SYNC_ISSUES.clientMismatch,
        `mutations.${i}.clientId`,
      );
  });
  let effects: Effect[] = [];
  try {
    // Pushes arriving together share one transaction, each in its own savepoint (group commit).
    const outcome = await groupedWriteTransaction(deps.db, async (trx) => {
      const client = await trx.selectFrom('sync_clients').selectAll().where('client_id', '=', clientId).executeTakeFirst();
      if (client && client.actor_id !== actor.id)
        throw forbidden('This desk belongs to another person: sign in on your own desk.', SYNC_ISSUES.clientMismatch, 'clientId');
      let expected = Number(client?.last_seq ?? 0) + 1;
      const applied: string[] = [];
      const skipped: string[] = [];
      const batchEffects: Effect[] = [];
      for (const [i, mutation] of mutations.entries()) {
        if (mutation.actor !== actor.id)
          throw new Refused(
            mutation.id,
            forbidden('A desk pushes only its own person’s writes.', SYNC_ISSUES.actorMismatch, `mutations.${i}.actor`),
          );
        const known = await trx.selectFrom('applied_mutations').select('id').where('id', '=', mutation.id).executeTakeFirst();
        if (!known) {
          if (mutation.seq !== expected)
            throw new AppError('conflict', `Writes are missing before this push: expected seq ${expected}, got ${mutation.seq}.`, [
              { path: `mutations.${i}.seq`, message: SYNC_ISSUES.sequenceGap },
              { path: 'expectedSeq', message: String(expected) },
            ]);
          expected += 1;
        }
        let result;
        try {
          result = await applyMutationInTransaction(deps, trx, mutation);
        } catch (error) {
          if (error instanceof AppError) throw new Refused(mutation.id, error);
          throw error;
        }
        if (!result.applied) {
          skipped.push(mutation.id);
          continue;
        }
        applied.push(mutation.id);
        batchEffects.push(...result.effects);
      }
      if (applied.length > 0) {
        const now = deps.now().toISOString();
        if (client)
          await trx
            .updateTable('sync_clients')
            .set({ last_seq: expected - 1, updated_at: now })
            .where('client_id', '=', clientId)
            .execute();
        else
          await trx
            .insertInto('sync_clients')
            .values({ client_id: clientId, actor_id: actor.id, last_seq: expected - 1, created_at: now, updated_at: now })
            .execute();
      }
      return { applied, skipped, effects: batchEffects, cursor: await currentCursor(trx) };
    });
    effects = outcome.effects;
    return { applied: outcome.applied, skipped: outcome.skipped, refused: [], cursor: outcome.cursor };
  } catch (error) {
    if (error instanceof Refused)
      return { applied: [], skipped: [], refused: [{ id: error.id, error: error.error.toShape() }], cursor: await currentCursor(deps.db) };
    throw error;
  } finally {
    // After commit only (empty when the batch rolled back): pokes go out to connected desks.
    announceEffects(deps, effects);
  }
}

/** Changes after the cursor for the desk's customers (and those of no customer), in change_seq order, one page. */
export async function pull(db: Kysely<DB>, request: SyncPullRequest): Promise<SyncPullResponse> {
  const limit = request.limit ?? SYNC_PULL_DEFAULT_LIMIT;
  const rows = await db
    .selectFrom('changes as c')
    .innerJoin('applied_mutations as m', 'm.id', 'c.mutation_id')
    .select([
      'c.change_seq',
      'c.entity',
      'c.entity_id',
      'c.customer_id',
      'c.mutation_id',
      'm.client_id',
      'm.seq',
      'm.name',
      'm.args',
      'm.at',
      'm.actor_id',
      'm.request',
    ])
    .where('c.change_seq', '>', request.cursor)
    .where((eb) =>
      request.customerIds.length > 0
        ? eb.or([eb('c.customer_id', 'in', request.customerIds), eb('c.customer_id', 'is', null)])
        : eb('c.customer_id', 'is', null),
    )
    .orderBy('c.change_seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const changes: SyncChange[] = page.map((row) => {
    const args: unknown = JSON.parse(row.args);
    const mutation: Mutation = {
      id: row.mutation_id,
      clientId: row.client_id,
      seq: Number(row.seq),
      name: row.name,
      args,
      at: row.at,
      actor: row.actor_id,
      policyVersion: null,
      ...(row.request ? { request: row.request } : {}),
    };
    return {
      changeSeq: Number(row.change_seq),
      entity: row.entity,
      id: row.entity_id,
      customerId: row.customer_id,
      mutationId: row.mutation_id,
      name: row.name,
      args,
      mutation,
    };
  });
  const last = changes.at(-1);
  return { changes, cursor: last ? last.changeSeq : request.cursor, more: rows.length > limit };
}
