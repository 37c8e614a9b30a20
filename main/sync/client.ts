import { type Kysely, sql } from 'kysely';
import {
  AppError,
  type AppErrorShape,
  EnvelopeShape,
  type Mutation,
  SYNC_ISSUES,
  SYNC_PUSH_MAX_MUTATIONS,
  type SyncChange,
  SyncCustomerResponse,
  SyncPullResponse,
  SyncPushResponse,
} from '../../shared';
import { type AppliedInTransaction, announceEffects, applyMutationInTransaction, type CoreDeps, type Effect } from '../core';
import { type DB, writeTransaction } from '../db';
import { heldCustomerIds, holdCustomer, isHeld, touchHolding } from './holdings';

/** Meta keys this client keeps: the last push seq the server acknowledged, and the pull cursor. */
export const PUSH_SEQ_KEY = 'sync.push_seq';
export const PULL_CURSOR_KEY = 'sync.pull_cursor';

export interface SyncStatus {
  /** The last request reached the server (any typed answer counts); false after a network failure. */
  online: boolean;
  /** Outbox rows still to push. */
  pending: number;
  /** Why the last push or pull failed, or null. */
  lastError: string | null;
}

export interface PushOutcome {
  /** Mutations the server took (applied now or already had) in this call. */
  sent: number;
  /** True when the call did nothing because a retry is not due yet (`retryAt`). */
  waiting: boolean;
  /** The typed refusal that stopped pushing, if any (its outbox row is now `refused`). */
  refused?: { id: string; error: AppErrorShape };
  /** A batch-level typed error (sequence gap, wrong desk...), if any. */
  error?: AppErrorShape;
  /** Writes left unsent because their person has no live sign-in here (`fetchFor`): they wait for them, not for a retry. */
  held?: boolean;
}

export interface PullOutcome {
  /** Pulled mutations applied here for the first time. */
  applied: number;
  /** Pulled mutations this desk refused (recorded in `lastError`; the cursor moves on). */
  failed: number;
  cursor: number;
}

export interface SyncClientOptions {
  /** The desk's core (`outbox: true`). */
  deps: CoreDeps;
  /** e.g. `http://127.0.0.1:8080` */
  serverUrl: string;
  fetch?: typeof fetch;
  /**
   * A desk shared by several signed-in people: the fetch that pushes this person's writes with their own
   * token, or null while they have no live sign-in here (their writes wait; the others' go on). Default: `fetch` for all.
   */
  fetchFor?: (actorId: string) => typeof fetch | null;
  /** Auth for every request (a session cookie or a Bearer token); default none. */
  authHeaders?: () => Promise<Record<string, string>>;
  /** Milliseconds since the epoch; drives back-off. */
  clock?: () => number;
  /** In [0, 1): the jitter of the back-off. */
  random?: () => number;
  batchSize?: number;
  /** A request the server has not answered by then counts as unreachable (default 30 s). */
  requestTimeoutMs?: number;
  /** First retry delay and the cap of the exponential back-off. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface SyncClient {
  pushOnce(): Promise<PushOutcome>;
  pullOnce(): Promise<PullOutcome>;
  status(): Promise<SyncStatus>;
  /** When the next push may try again after a network failure (0: now). */
  retryAt(): number;
  /** Called whenever `status()` would answer differently; returns an unsubscribe function. */
  onStatus(listener: (status: SyncStatus) => void): () => void;
  /**
   * Brings in one customer's history from the server (by id or a number of theirs) and holds them.
   * Answers how many changes were applied, or null when the server could not be asked.
   */
  fetchCustomer(lookup: { phone?: string; customerId?: string }): Promise<number | null>;
}

/** A screen pop waits at most this long for the server before answering from what the desk has. */
const FETCH_CUSTOMER_TIMEOUT_MS = 3000;

/** Pulled writes made against a version; here the server's answer wins over this desk's own unpushed edits. */
const VERSIONED_TABLES = { 'cases.update': 'cases', 'customers.update': 'customers' } as const;

/**
 * Applies a pulled write. The server applied it, so it stands: a field change this desk sees as
 * stale (it changed the record itself meanwhile, not yet pushed or kept apart as a conflict on the
 * server) is applied anyway, and the record takes the server's version after it, so the next edit
 * made here is judged against the server's history.
 */
async function applyPulled(replay: CoreDeps, trx: Kysely<DB>, mutation: Mutation): Promise<AppliedInTransaction> {
  try {
    return await applyMutationInTransaction(replay, trx, mutation);
  } catch (error) {
    const table = VERSIONED_TABLES[mutation.name as keyof typeof VERSIONED_TABLES];
    const stale = error instanceof AppError && error.issues?.some((i) => i.message === 'stale_version');
    if (!table || !stale) throw error;
    const args = mutation.args as { id: string; version: number };
    const row = await trx.selectFrom(table).select('version').where('id', '=', args.id).executeTakeFirstOrThrow();
    const result = await applyMutationInTransaction(replay, trx, { ...mutation, args: { ...args, version: row.version } });
    await trx
      .updateTable(table)
      .set({ version: args.version + 1 })
      .where('id', '=', args.id)
      .execute();
    return result;
  }
}

/** The network failed or the server could not answer: worth retrying later. */
class Unreachable extends Error {}

/**
 * A desk's side of sync: pushes its outbox in order, pulls the server's changes into its replica,
 * and tracks whether the server is reachable. No Electron, no timers: a host calls `pushOnce` and
 * `pullOnce` (after a write, on a poke, on a timer) and respects `retryAt`.
 */
export function createSyncClient(options: SyncClientOptions): SyncClient {
  const { deps } = options;
  const db = deps.db;
  const doFetch = options.fetch ?? fetch;
  const clock = options.clock ?? Date.now;
  const random = options.random ?? Math.random;
  const batchSize = Math.min(options.batchSize ?? 200, SYNC_PUSH_MAX_MUTATIONS);
  const baseDelay = options.baseDelayMs ?? 1000;
  const maxDelay = options.maxDelayMs ?? 60_000;
  const listeners = new Set<(status: SyncStatus) => void>();
  let online = false;
  let lastError: string | null = null;
  let failures = 0;
  let nextRetryAt = 0;
  let lastAnnounced = '';
  /**
   * The customers of the pulled or fetched writes being replayed: held already (a pull names only held
   * ones) or held once the fetch ends, so their effects need no holding write each (a fetched history
   * of 30 writes would otherwise add some 40 single-row writes to the pop that waits for it).
   */
  const replayingFor = new Set<string>();

  async function status(): Promise<SyncStatus> {
    const row = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    return { online, pending: Number(row.n), lastError };
  }

  async function announce(): Promise<void> {
    if (listeners.size === 0) return;
    const now = await status();
    const key = JSON.stringify(now);
    if (key === lastAnnounced) return;
    lastAnnounced = key;
    for (const listener of listeners) listener(now);
  }

  async function post(
    path: string,
    body: unknown,
    timeoutMs?: number,
    via: typeof fetch = doFetch,
  ): Promise<{ ok: true; value: unknown } | { ok: false; error: AppErrorShape }> {
    let response: Response;
    try {
      const auth = options.authHeaders ? await options.authHeaders() : {};
      response = await via(new URL(path, options.serverUrl), {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        // A black-holed network must not hold a push (or a runner's stop) for ever.
        signal: AbortSignal.timeout(timeoutMs ?? options.requestTimeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new Unreachable(error instanceof Error ? error.message : String(error));
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new Unreachable(`The server answered ${response.status} without a typed answer.`);
    }
    const envelope = EnvelopeShape.safeParse(json);
    if (!envelope.success) throw new Unreachable(`The server answered ${response.status} without a typed answer.`);
    // The server could not do it now: as good as unreachable, try again later.
    if (!envelope.data.ok && (envelope.data.error.code === 'unavailable' || envelope.data.error.code === 'internal'))
      throw new Unreachable(envelope.data.error.message);
    online = true;
    return envelope.data;
  }

  function wentOffline(message: string): void {
    online = false;
    lastError = message;
    failures += 1;
    const ceiling = Math.min(maxDelay, baseDelay * 2 ** (failures - 1));
    // Full back-off with jitter in [ceiling/2, ceiling): desks that lost the server together do not return together.
    nextRetryAt = clock() + Math.round(ceiling / 2 + (random() * ceiling) / 2);
  }

  async function readNumber(key: string): Promise<number> {
    const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
    return row ? Number(row.value) : 0;
  }

  async function pushOnce(): Promise<PushOutcome> {
    if (clock() < nextRetryAt) {
      // Nothing is sent, but a write made meanwhile changed the count of unsent ones.
      await announce();
      return { sent: 0, waiting: true };
    }
    let sent = 0;
    let resynced = false;
    try {
      for (;;) {
        const next = await nextBatch();
        if (!next) {
          if (options.fetchFor && (await status()).pending > 0) return { sent, waiting: false, held: true };
          break;
        }
        const { rows, via } = next;
        const base = await readNumber(PUSH_SEQ_KEY);
        // On the wire, seq is this desk's push stream position: writes refused here, kept local or waiting for their
        // person's sign-in never leave a hole.
        const mutations = rows.map((row, i) => ({ ...row.parsed, seq: base + i + 1 }));
        let answer;
        try {
          answer = await post('/api/sync/push', { clientId: deps.clientId, mutations }, undefined, via);
        } catch (error) {
          if (!(error instanceof Unreachable)) throw error;
          await db
            .updateTable('outbox')
            .set({ attempts: sql<number>`attempts + 1`, last_error: error.message })
            .where(
              'seq',
              'in',
              rows.map((r) => r.seq),
            )
            .execute();
          wentOffline(error.message);
          return { sent, waiting: false };
        }
        failures = 0;
        nextRetryAt = 0;
        if (!answer.ok) {
          const expected = answer.error.issues?.find((i) => i.path === 'expectedSeq')?.message;
          const gap = answer.error.issues?.some((i) => i.message === SYNC_ISSUES.sequenceGap);
          // The server knows this desk's stream better (e.g. a replica restored from a backup): continue from there, once.
          if (gap && expected && !resynced) {
            resynced = true;
            await setMeta(PUSH_SEQ_KEY, String(Number(expected) - 1));
            continue;
          }
          lastError = answer.error.message;
          return { sent, waiting: false, error: answer.error };
        }
        const value = SyncPushResponse.parse(answer.value);
        const refusal = value.refused[0];
        if (refusal) {
          await db
            .updateTable('outbox')
            .set({ status: 'refused', attempts: sql<number>`attempts + 1`, last_error: JSON.stringify(refusal.error) })
            .where('mutation_id', '=', refusal.id)
            .execute();
          lastError = refusal.error.message;
          return { sent, waiting: false, refused: refusal };
        }
        await writeTransaction(db, async (trx) => {
          await trx
            .updateTable('outbox')
            .set({ status: 'sent', attempts: sql<number>`attempts + 1`, last_error: null })
            .where(
              'seq',
              'in',
              rows.map((r) => r.seq),
            )
            .execute();
          await setMeta(PUSH_SEQ_KEY, String(base + rows.length), trx);
        });
        sent += rows.length;
        lastError = null;
      }
      return { sent, waiting: false };
    } finally {
      await announce();
    }
  }

  /**
   * The next batch: pending rows in outbox order, one person's only (the server checks every mutation's actor
   * against the token), skipping the writes of anyone without a live sign-in here — they wait for that person.
   */
  async function nextBatch(): Promise<{ rows: { seq: number; parsed: Mutation }[]; via: typeof fetch } | null> {
    const pending = options.fetchFor
      ? await db.selectFrom('outbox').select(['seq', 'mutation']).where('status', '=', 'pending').orderBy('seq').execute()
      : await db.selectFrom('outbox').select(['seq', 'mutation']).where('status', '=', 'pending').orderBy('seq').limit(batchSize).execute();
    const rows: { seq: number; parsed: Mutation }[] = [];
    let actor: string | null = null;
    let via: typeof fetch | null = null;
    for (const row of pending) {
      const parsed = JSON.parse(row.mutation) as Mutation;
      if (actor === null) {
        const own = options.fetchFor ? options.fetchFor(parsed.actor) : doFetch;
        if (!own) continue;
        actor = parsed.actor;
        via = own;
      } else if (parsed.actor !== actor) {
        // Stop at a change of person: the next batch is theirs, with their token.
        break;
      }
      rows.push({ seq: row.seq, parsed });
      if (rows.length === batchSize) break;
    }
    return via && rows.length > 0 ? { rows, via } : null;
  }

  async function setMeta(key: string, value: string, on = db): Promise<void> {
    await on
      .insertInto('meta')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }

  async function pullOnce(): Promise<PullOutcome> {
    let cursor = await readNumber(PULL_CURSOR_KEY);
    let applied = 0;
    let failed = 0;
    try {
      for (;;) {
        // What this desk holds (partial replication): the customers it opened or wrote lately.
        const customerIds = await heldCustomerIds(db, new Date(clock()));
        let answer;
        try {
          answer = await post('/api/sync/pull', { clientId: deps.clientId, cursor, customerIds });
        } catch (error) {
          if (!(error instanceof Unreachable)) throw error;
          online = false;
          lastError = error.message;
          return { applied, failed, cursor };
        }
        if (!answer.ok) {
          lastError = answer.error.message;
          return { applied, failed, cursor };
        }
        const page = SyncPullResponse.parse(answer.value);
        const outcome = await replayChanges(page.changes);
        applied += outcome.applied;
        failed += outcome.failed;
        cursor = page.cursor;
        await setMeta(PULL_CURSOR_KEY, String(cursor));
        if (!page.more) break;
      }
      // The server answered every page: a past network failure is over.
      if (failed === 0) lastError = null;
      return { applied, failed, cursor };
    } finally {
      await announce();
    }
  }

  /** Applies pulled changes in order, each mutation once; a refusal here is counted and recorded, not thrown. */
  async function replayChanges(changes: readonly SyncChange[]): Promise<{ applied: number; failed: number }> {
    // Pulled writes are the server's, not this desk's: they never enter this desk's outbox.
    const replay: CoreDeps = { ...deps, outbox: false };
    const customers = new Set(changes.flatMap((c) => (c.customerId && !replayingFor.has(c.customerId) ? [c.customerId] : [])));
    for (const id of customers) replayingFor.add(id);
    try {
      return await replayEach(replay, changes);
    } finally {
      for (const id of customers) replayingFor.delete(id);
    }
  }

  /**
   * All of one page (or one fetched history) in one write transaction: one commit, so one flush to
   * disk (synchronous=FULL) instead of one per mutation, which was most of a first pop's time. Each
   * mutation has its own savepoint, so a refused one is undone alone and the rest still apply.
   */
  async function replayEach(replay: CoreDeps, changes: readonly SyncChange[]): Promise<{ applied: number; failed: number }> {
    let applied = 0;
    let failed = 0;
    const seen = new Set<string>();
    const effects: Effect[] = [];
    await writeTransaction(db, async (trx) => {
      for (const change of changes) {
        if (seen.has(change.mutationId)) continue;
        seen.add(change.mutationId);
        await sql`savepoint pulled`.execute(trx);
        try {
          const result = await applyPulled(replay, trx, change.mutation);
          await sql`release pulled`.execute(trx);
          effects.push(...result.effects);
          if (result.applied) applied += 1;
        } catch (error) {
          await sql`rollback to pulled`.execute(trx);
          await sql`release pulled`.execute(trx);
          if (!(error instanceof AppError)) throw error;
          failed += 1;
          lastError = `${change.name} ${change.mutationId}: ${error.message}`;
        }
      }
    });
    // After the commit only, as a single apply announces.
    announceEffects(replay, effects);
    return { applied, failed };
  }

  async function fetchCustomer(lookup: { phone?: string; customerId?: string }): Promise<number | null> {
    let answer;
    try {
      answer = await post('/api/sync/customer', { clientId: deps.clientId, ...lookup }, FETCH_CUSTOMER_TIMEOUT_MS);
    } catch (error) {
      if (!(error instanceof Unreachable)) throw error;
      online = false;
      lastError = error.message;
      await announce();
      return null;
    }
    if (!answer.ok) return null;
    const value = SyncCustomerResponse.parse(answer.value);
    const outcome = await replayChanges(value.changes);
    if (value.customerId) await touchHolding(db, value.customerId, new Date(clock()));
    return outcome.applied;
  }

  /** The desk's own number lookup (customer_phones), for a pop by the number that rang. */
  async function localCustomerId(lookup: { phone?: string; customerId?: string }): Promise<string | undefined> {
    if (lookup.customerId) return lookup.customerId;
    if (!lookup.phone) return undefined;
    const row = await db.selectFrom('customer_phones').select('customer_id').where('e164', '=', lookup.phone).executeTakeFirst();
    return row?.customer_id;
  }

  // A screen pop holds the customer; one this desk does not hold is fetched first while the server answers.
  deps.replica = {
    async beforePop(lookup) {
      try {
        const local = await localCustomerId(lookup);
        const now = new Date(clock());
        if (local && (await isHeld(db, local, now))) return await touchHolding(db, local, now);
        // Known unreachable (the last request failed): answer from what the desk has, without waiting.
        const fetched = online || lastError === null ? await fetchCustomer(lookup) : null;
        if (fetched === null && local) await touchHolding(db, local, now);
      } catch {
        // The pop still answers from what the desk has.
      }
    },
  };
  // A write on this desk (a note, a new customer) holds its customer.
  deps.bus.on((event) => {
    const customerId = event.event === 'changed' ? event.payload.customerId : null;
    if (customerId && !replayingFor.has(customerId)) holdCustomer(db, customerId, new Date(clock())).catch(() => undefined);
  });

  return {
    fetchCustomer,
    pushOnce,
    pullOnce,
    status,
    retryAt: () => nextRetryAt,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Marks every write still pending as local-only: a fresh desk's seed (the demo set, its own agent)
 * was written before the desk ever synced and is not the person's to push.
 */
export async function keepPendingLocal(deps: CoreDeps): Promise<number> {
  const result = await deps.db.updateTable('outbox').set({ status: 'local' }).where('status', '=', 'pending').executeTakeFirst();
  return Number(result.numUpdatedRows);
}
