import { type Kysely, type Migration, Migrator, sql } from 'kysely';
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

async function appliedMigrationNames(db: AnyDb): Promise<string[]> {
  try {
    const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    return rows.rows.map((r) => r.name);
  } catch {
    return []; // a fresh database has no ledger yet
  }
}

/**
 * Brings the schema up to date from the fixed list. Refuses, without writing, a database that
 * has migrations this build does not know: it came from a newer version.
 */
export async function migrateToLatest(db: AnyDb, list: MigrationList = defaultMigrations): Promise<string[]> {
  const known = new Set(list.map(([name]) => name));
  const unknown = (await appliedMigrationNames(db)).filter((name) => !known.has(name));
  if (unknown.length > 0) throw new DatabaseTooNewError(unknown);

  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => Object.fromEntries(list) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
