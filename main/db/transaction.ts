import { type Kysely, sql } from 'kysely';
import { isSqlite } from './dialect';
import type { DB } from './schema';

/**
 * Runs `fn` as one write transaction. On SQLite it is BEGIN IMMEDIATE, so the write lock is taken
 * up front and a busy database fails fast instead of deadlocking half-way; `fn` must use only the
 * handle it is given.
 */
export async function writeTransaction<T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (!isSqlite(db as Kysely<unknown>)) return db.transaction().execute(fn);
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
