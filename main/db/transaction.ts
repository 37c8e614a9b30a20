import { type Kysely, sql } from 'kysely';
import { isSqlite } from './dialect';
import type { DB } from './schema';

/** Any constant: on PostgreSQL, every write transaction of every server instance takes this lock first. */
const PG_WRITE_LOCK = 7_405_392;

/**
 * Runs `fn` as one write transaction. On SQLite it is BEGIN IMMEDIATE, so the write lock is taken
 * up front and a busy database fails fast instead of deadlocking half-way; `fn` must use only the
 * handle it is given.
 *
 * On PostgreSQL the transaction first takes a transaction-scoped advisory lock, so writes from all
 * server instances apply one at a time, as on SQLite: the audit chain reads its last row and appends
 * the next, the idempotency check reads the ledger before writing, and neither may interleave with
 * another writer. Reads never take the lock.
 */
export async function writeTransaction<T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return lockedTransaction(db, PG_WRITE_LOCK, fn);
}

/**
 * One transaction that holds the writer's lock from its first statement: BEGIN IMMEDIATE on SQLite,
 * the transaction-scoped advisory lock `pgLock` on PostgreSQL. Writes and migrations use it, each
 * with its own lock.
 */
export async function lockedTransaction<D, T>(db: Kysely<D>, pgLock: number, fn: (trx: Kysely<D>) => Promise<T>): Promise<T> {
  if (!isSqlite(db as Kysely<unknown>))
    return inProcessTurn(db, pgLock, () =>
      db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(${pgLock})`.execute(trx);
        return fn(trx);
      }),
    );
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

interface GroupMember {
  fn: (trx: Kysely<DB>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Per database handle: the writes waiting to be applied together in the next group's transaction. */
const groups = new WeakMap<object, GroupMember[]>();

/**
 * `writeTransaction` for many small independent writes arriving at once (desks' pushes): on
 * PostgreSQL, the writes that queue in this process while another write holds the lock are applied
 * together in one transaction (group commit: one lock hand-over and one commit, whose flush to disk
 * is the dearest part, for all of them), each inside its own savepoint, so one that fails is rolled
 * back alone and rejects alone while the others commit. Each resolves only after the commit; if the
 * commit fails, all of them reject. On SQLite it is `writeTransaction`.
 */
export function groupedWriteTransaction<T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (isSqlite(db as Kysely<unknown>)) return writeTransaction(db, fn);
  return new Promise<T>((resolve, reject) => {
    const waiting = groups.get(db);
    const member: GroupMember = { fn, resolve: resolve as (value: unknown) => void, reject };
    if (waiting) {
      waiting.push(member);
      return;
    }
    groups.set(db, [member]);
    void inProcessTurn(db, PG_WRITE_LOCK, () => applyGroup(db));
  });
}

async function applyGroup(db: Kysely<DB>): Promise<void> {
  const group = groups.get(db) ?? [];
  groups.delete(db); // whoever comes now starts the next group
  const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
  try {
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${PG_WRITE_LOCK})`.execute(trx);
      if (group.length === 1) {
        outcomes.push({ ok: true, value: await group[0]!.fn(trx) });
        return;
      }
      for (const member of group) {
        await sql`savepoint grouped_write`.execute(trx);
        try {
          outcomes.push({ ok: true, value: await member.fn(trx) });
          await sql`release savepoint grouped_write`.execute(trx);
        } catch (error) {
          await sql`rollback to savepoint grouped_write`.execute(trx);
          outcomes.push({ ok: false, error });
        }
      }
    });
  } catch (error) {
    for (const member of group) member.reject(error);
    return;
  }
  group.forEach((member, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) member.resolve(outcome.value);
    else member.reject(outcome.error);
  });
}

/** Per database handle and lock: the last write queued in this process. */
const turns = new WeakMap<object, Map<number, Promise<void>>>();

/**
 * Writes of one process take the lock one after the other here first, holding no connection while
 * they wait. Without this, a writer waiting for the advisory lock holds a pooled connection, and a
 * burst of writes (hundreds of desks pushing) takes every connection of the pool: reads such as a
 * screen pop then wait behind writes they do not need (measured: `sync-load-pop`, docs/PERFORMANCE.md).
 * Across server instances the advisory lock still orders the writes.
 */
function inProcessTurn<T>(db: object, lock: number, run: () => Promise<T>): Promise<T> {
  let byLock = turns.get(db);
  if (!byLock) turns.set(db, (byLock = new Map()));
  const queue = byLock;
  const result = (queue.get(lock) ?? Promise.resolve()).then(run);
  const done = result.then(
    () => {},
    () => {},
  );
  queue.set(lock, done);
  void done.then(() => {
    if (queue.get(lock) === done) queue.delete(lock);
  });
  return result;
}
