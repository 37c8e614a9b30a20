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
  SyncCustomerRequest,
  type SyncCustomerResponse,
  SyncPullRequest,
  type SyncPullResponse,
  SyncPushRequest,
  type SyncPushResponse,
  invalidInput,
} from '../shared';
import {
  type Core,
  type CoreDeps,
  type Effect,
  announceEffects,
  applyMutationInTransaction,
  mutationsHiddenFrom,
  reconcilePushed,
} from '../main/core';
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
    if (actor.desk && parsed.data.clientId !== actor.desk.clientId) return sendError(reply, otherDesk());
    try {
      // A desk token was issued for this client id: the desk is shared by the people who signed in on it.
      const value = await push(core.deps, actor.agent, parsed.data, { sharedDesk: actor.desk !== undefined });
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
    if (actor.desk && parsed.data.clientId !== actor.desk.clientId) return sendError(reply, otherDesk());
    return reply.send({ ok: true, value: await pull(core.deps.db, actor.agent, parsed.data) });
  });

  app.post('/api/sync/customer', async (request, reply) => {
    const actor = await resolveActor(request);
    if (!actor) return sendError(reply, { code: 'unauthenticated', message: 'Sign in first.' });
    const parsed = SyncCustomerRequest.safeParse(request.body);
    if (!parsed.success) return sendError(reply, invalidInput(parsed.error).toShape());
    return reply.send({ ok: true, value: await customerChanges(core.deps.db, actor.agent, parsed.data) });
  });
}

/** A desk's token is bound to the client id it signed in with: it neither pushes nor pulls as another desk. */
function otherDesk() {
  return forbidden('This desk signed in as another desk: sign in on this desk.', SYNC_ISSUES.clientMismatch, 'clientId').toShape();
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
export async function push(
  deps: CoreDeps,
  actor: Agent,
  request: SyncPushRequest,
  options: { sharedDesk?: boolean } = {},
): Promise<SyncPushResponse> {
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
      // A browser session's client id belongs to the person of its first push; a desk signed in with desk tokens
      // (bound to this client id at sign-in) carries the writes of everyone who signed in on it, one stream of seqs.
      if (client && client.actor_id !== actor.id && !options.sharedDesk)
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
          // A new write against an old version is merged or kept apart as a conflict; a replayed one is skipped as it is.
          const reconciled = known
            ? mutation
            : await reconcilePushed(trx, mutation, { clientId, now: deps.now(), policyVersion: deps.policy.version });
          result = await applyMutationInTransaction(deps, trx, reconciled);
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

/** The change log joined with the mutations that made it: what a pull or a customer fetch hands out. */
function loggedChanges(db: Kysely<DB>) {
  return db
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
    ]);
}

type LoggedRow = Awaited<ReturnType<ReturnType<typeof loggedChanges>['execute']>>[number];

function toSyncChange(row: LoggedRow): SyncChange {
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
}

/** Drops the changes whose mutation the reader may not read (a conduct complaint about them). */
async function readable(db: Kysely<DB>, reader: Agent, changes: SyncChange[]): Promise<SyncChange[]> {
  const hidden = await mutationsHiddenFrom(db, reader.id, changes);
  return hidden.size === 0 ? changes : changes.filter((c) => !hidden.has(c.mutationId));
}

/**
 * Changes after the cursor for the desk's customers (and those of no customer), in change_seq order,
 * one page, without what the reader may not read. The cursor moves past hidden ones too.
 */
export async function pull(db: Kysely<DB>, reader: Agent, request: SyncPullRequest): Promise<SyncPullResponse> {
  const limit = request.limit ?? SYNC_PULL_DEFAULT_LIMIT;
  const rows = await loggedChanges(db)
    .where('c.change_seq', '>', request.cursor)
    .where((eb) =>
      request.customerIds.length > 0
        ? eb.or([eb('c.customer_id', 'in', request.customerIds), eb('c.customer_id', 'is', null)])
        : eb('c.customer_id', 'is', null),
    )
    .orderBy('c.change_seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit).map(toSyncChange);
  const last = page.at(-1);
  return { changes: await readable(db, reader, page), cursor: last ? last.changeSeq : request.cursor, more: rows.length > limit };
}

/** One customer's whole logged history the reader may read, by id or by a number of theirs: a desk's first pop of them. */
export async function customerChanges(db: Kysely<DB>, reader: Agent, request: SyncCustomerRequest): Promise<SyncCustomerResponse> {
  const byPhone = request.phone
    ? await db.selectFrom('customer_phones').select('customer_id').where('e164', '=', request.phone).executeTakeFirst()
    : undefined;
  const customerId = request.customerId ?? byPhone?.customer_id;
  if (!customerId) return { customerId: null, changes: [] };
  const rows = await loggedChanges(db).where('c.customer_id', '=', customerId).orderBy('c.change_seq').execute();
  return { customerId, changes: await readable(db, reader, rows.map(toSyncChange)) };
}
