import { readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type Kysely, type Migration, sql } from 'kysely';
import { isSqlite } from './dialect';
import { lockedTransaction } from './transaction';
import { migrations as defaultMigrations } from './migrations';

export class DatabaseTooNewError extends Error {
  constructor(readonly unknownMigrations: string[]) {
    super(
      `This database was written by a newer version of Kept (it has migrations ${unknownMigrations.join(', ')}). ` +
        'Update Kept to open it; the file was not changed.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

type MigrationList = ReadonlyArray<readonly [string, Migration]>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
type AnyDb = Kysely<any>;

/** The ledger keeps Kysely's table name and columns, so databases migrated by earlier builds read the same. */
const LEDGER = 'kysely_migration';
/** How many pre-migration copies of a SQLite file are kept beside it. */
export const BACKUPS_KEPT = 3;
/** Any constant: PostgreSQL servers starting together take turns on it, one migration at a time. */
const PG_MIGRATION_LOCK = 7_405_391;

async function appliedMigrationNames(db: AnyDb): Promise<string[]> {
  try {
    const rows = await sql<{ name: string }>`select name from ${sql.table(LEDGER)}`.execute(db);
    return rows.rows.map((r) => r.name);
  } catch {
    return []; // a fresh database has no ledger yet
  }
}

export interface MigrateOptions {
  /** Copy a SQLite file that already has a schema aside before changing it (default true). */
  backup?: boolean;
}

/**
 * Brings the schema up to date from the fixed list. Refuses, without writing, a database that
 * has migrations this build does not know: it came from a newer version.
 *
 * Each migration runs in its own transaction together with its ledger row, so an interrupted start
 * (power cut, kill) leaves the database as it was after the last whole migration, and the next start
 * carries on from there. On SQLite, a file that already has a schema is first copied aside as
 * `<file>.before-NNNN.bak` (NNNN: the first pending migration); the last {@link BACKUPS_KEPT} copies are kept.
 */
export async function migrateToLatest(db: AnyDb, list: MigrationList = defaultMigrations, options: MigrateOptions = {}): Promise<string[]> {
  const known = new Set(list.map(([name]) => name));
  const applied = await appliedMigrationNames(db);
  const unknown = applied.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new DatabaseTooNewError(unknown);
  const done = new Set(applied);
  const firstPending = list.findIndex(([name]) => !done.has(name));
  if (firstPending < 0) return [];
  const outOfOrder = list.slice(firstPending).find(([name]) => done.has(name));
  if (outOfOrder) throw new Error(`The migration ledger is out of order: ${outOfOrder[0]} ran before ${list[firstPending]![0]}.`);

  const sqlite = isSqlite(db);
  // Under the migration lock on PostgreSQL: two servers creating the ledger at once would collide in the catalog.
  await lockedTransaction(db, PG_MIGRATION_LOCK, (trx) =>
    sql`create table if not exists ${sql.table(LEDGER)} (name varchar(255) not null primary key, timestamp varchar(255) not null)`.execute(
      trx,
    ),
  );
  if (sqlite && applied.length > 0 && options.backup !== false) await backupSqlite(db, list[firstPending]![0]);

  const ran: string[] = [];
  for (const [name, migration] of list.slice(firstPending)) {
    const didRun = await lockedTransaction(db, PG_MIGRATION_LOCK, async (trx) => {
      // Another process may have run it while this one waited for the lock.
      const already = await sql`select 1 from ${sql.table(LEDGER)} where name = ${name}`.execute(trx);
      if (already.rows.length > 0) return false;
      await migration.up(trx);
      await sql`insert into ${sql.table(LEDGER)} (name, timestamp) values (${name}, ${new Date().toISOString()})`.execute(trx);
      return true;
    });
    if (didRun) ran.push(name);
  }
  return ran;
}

/**
 * `VACUUM INTO` writes a consistent copy (WAL included) through SQLite itself. It is written under a
 * temporary name and renamed, so a kill half-way never leaves a partial `.bak` that looks whole.
 */
async function backupSqlite(db: AnyDb, firstPending: string): Promise<void> {
  const main = (await sql<{ name: string; file: string }>`pragma database_list`.execute(db)).rows.find((r) => r.name === 'main');
  const file = main?.file;
  if (!file) return; // in-memory
  const number = /^\d+/.exec(firstPending)?.[0] ?? firstPending;
  const target = `${file}.before-${number}.bak`;
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  await sql`vacuum into ${partial}`.execute(db);
  renameSync(partial, target);
  pruneBackups(file);
}

/** Pre-migration copies of `file`, oldest first (the number in the name orders them). */
export function listBackups(file: string): string[] {
  const prefix = `${basename(file)}.before-`;
  return readdirSync(dirname(file))
    .filter((name) => name.startsWith(prefix) && name.endsWith('.bak'))
    .sort()
    .map((name) => join(dirname(file), name));
}

function pruneBackups(file: string): void {
  const all = listBackups(file);
  for (const old of all.slice(0, Math.max(0, all.length - BACKUPS_KEPT))) rmSync(old, { force: true });
}
