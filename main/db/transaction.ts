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
