import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema';

export interface PostgresOptions {
  /** `postgres://user:password@host:port/database` */
  connectionString: string;
  /** Connections in the pool (default 10). */
  max?: number;
}

export interface PostgresHandle {
  db: Kysely<DB>;
  pool: pg.Pool;
  close(): Promise<void>;
}

const INT8 = 20; // bigint: count(*), sum(integer), the audit chain's seq and count

/**
 * Results read the same as on SQLite, so core never branches on what a query returns:
 * - bigint → number. pg returns int8 as a string because it can exceed 2^53; every bigint here is a
 *   count or a sequence number that never gets near that, and SQLite hands the same values back as numbers.
 * - Times are stored as ISO-8601 `text` (never `timestamptz`, which would come back as Date) and JSON
 *   as `text`, exactly as on SQLite, so the other parsers never see them.
 * The parsers are per pool, not pg's process-wide defaults, so other pg users in the process are unaffected.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8 && format !== 'binary') return (value: string) => Number(value);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** Opens a pool on a PostgreSQL database through Kysely's PostgresDialect. */
export function openPostgres(options: PostgresOptions): PostgresHandle {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10, types });
  // An idle client losing its connection (a restarted server) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    close: async () => {
      await db.destroy(); // ends the pool
    },
  };
}

/** The connection string without its password, for logs and start-up lines. */
export function describePostgres(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '';
    return `PostgreSQL ${url.protocol}//${url.username ? `${url.username}@` : ''}${url.host}${url.pathname}`;
  } catch {
    return 'PostgreSQL (connection string not shown)';
  }
}
