import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from './schema';
import { withStatementCache } from './statement-cache';

export interface SqliteOptions {
  /** Path to a better_sqlite3.node built for this runtime (the desktop passes Electron's build). */
  nativeBinding?: string;
}

export interface SqliteHandle {
  db: Kysely<DB>;
  raw: Database.Database;
  close(): Promise<void>;
}

/**
 * Opens the one writer connection. WAL for concurrent reads; synchronous=FULL because
 * better-sqlite3 would otherwise let a power cut lose the last acknowledged note.
 */
export function openSqlite(file: string, options: SqliteOptions = {}): SqliteHandle {
  const raw = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  return {
    db,
    raw,
    close: async () => {
      await db.destroy();
    },
  };
}
