import { type Kysely, SqliteAdapter } from 'kysely';

/** The few places that differ between SQLite (desk, embedded server) and PostgreSQL (team server). */
export function isSqlite(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}
