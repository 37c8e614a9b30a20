import { Kysely, PostgresDialect, sql } from 'kysely';
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

/** Collations that compare text by code point, as SQLite does (and as JavaScript's `<` does on the BMP). */
const CODE_POINT_COLLATIONS = new Set(['c', 'posix', 'c.utf-8', 'c.utf8', 'ucs_basic']);

export function comparesByCodePoint(collation: string | null | undefined): boolean {
  return CODE_POINT_COLLATIONS.has((collation ?? '').toLowerCase());
}

/**
 * Refuses a database whose default collation is not by code point. Core orders and compares text in
 * SQL (ISO times, ids, case-number ranges up to `\uffff`) and expects SQLite's answers; a linguistic
 * collation such as en_US.UTF-8 ignores punctuation and may ignore `\uffff`, so the same query would
 * answer differently. Create the database with `--locale=C.UTF-8` (or `LC_COLLATE 'C.UTF-8'`, template0).
 */
export async function checkPostgresCollation(db: Kysely<DB>): Promise<void> {
  // Through to_jsonb: the provider and locale columns differ between PostgreSQL versions (15: daticulocale, 17: datlocale).
  const row = await sql<{ collation: string; provider: string | null; locale: string | null }>`
    select d.datcollate as collation, to_jsonb(d) ->> 'datlocprovider' as provider,
      coalesce(to_jsonb(d) ->> 'datlocale', to_jsonb(d) ->> 'daticulocale') as locale
    from pg_database d where d.datname = current_database()`.execute(db);
  const found = row.rows[0];
  if (!found) return;
  const effective = !found.provider || found.provider === 'c' ? found.collation : (found.locale ?? found.collation);
  if (comparesByCodePoint(effective)) return;
  throw new Error(
    `The PostgreSQL database uses the collation ${effective}; Kept needs text compared by code point. ` +
      "Create it with `createdb --locale=C.UTF-8 --template=template0` (or LC_COLLATE 'C.UTF-8').",
  );
}
