import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { gramKeys } from '../../shared';
import { migrateToLatest, openPostgres } from '../../main/db';
import { startPostgres, type TestPostgres } from '../fixtures/embedded-postgres';
import type { Dataset } from './dataset';

const DATABASE = 'kept_bench';
/** Rows per multi-row INSERT: PostgreSQL allows 65,535 parameters per statement. */
const MAX_PARAMS = 60_000;
const MAX_ROWS_PER_INSERT = 1000;
/** PostgreSQL's own search tables: 2-grams of a text (`gramKeys`) by the row's `rowid`. SQLite has FTS5 tables of the same names. */
const GRAMS: Record<string, { source: string; column: string }> = {
  notes_grams: { source: 'notes', column: 'body' },
  customer_grams: { source: 'customers', column: 'name' },
  case_grams: { source: 'cases', column: 'title' },
};

export interface PgLoadReport {
  /** The SQLite file it was copied from, by modification time: a rebuilt file means loading again. */
  sourceMtimeMs: number;
  seconds: number;
  phases: Array<{ name: string; seconds: number }>;
  rows: Record<string, number>;
}

export interface PgDataset {
  url: string;
  /** The cluster's data directory (for the page-cache state). */
  dataDir: string;
  reused: boolean;
  load: PgLoadReport;
  stop(): Promise<void>;
}

/**
 * The synthetic dataset on PostgreSQL: the same rows as the SQLite file (copied from it, so the
 * generator runs once and both stores hold the same ids), in an embedded cluster cached beside the
 * file (`<name>.pg/`, rebuilt when the SQLite file is). The schema comes from the real migrations
 * (their PostgreSQL branches). For the load only: foreign keys are not checked row by row
 * (`session_replication_role = replica`; the SQLite build checked them), the explicit indexes are
 * dropped and built again afterwards, and rows go in through multi-row INSERTs. Then `ANALYZE`:
 * PostgreSQL's planner needs statistics, and its autovacuum would gather them on a live server.
 */
export async function ensurePgDataset(dataset: Dataset, log: (line: string) => void): Promise<PgDataset> {
  const dir = join(dirname(dataset.file), `${basename(dataset.file, '.sqlite')}.pg`);
  const reportFile = join(dir, 'load.json');
  const sourceMtimeMs = statSync(dataset.file).mtimeMs;
  const reused = existsSync(reportFile) && (JSON.parse(readFileSync(reportFile, 'utf8')) as PgLoadReport).sourceMtimeMs === sourceMtimeMs;
  if (!reused) rmSync(dir, { recursive: true, force: true });
  const cluster = await startPostgres({ keepIn: dir });
  try {
    const url = cluster.connectionString(DATABASE);
    const dataDir = join(dir, 'data');
    if (reused)
      return { url, dataDir, reused, load: JSON.parse(readFileSync(reportFile, 'utf8')) as PgLoadReport, stop: () => cluster.stop() };
    log(`Loading ${dataset.file} into PostgreSQL (${dir}) …`);
    const load = { sourceMtimeMs, ...(await loadInto(cluster, dataset.file, log)) };
    writeFileSync(reportFile, `${JSON.stringify(load, null, 2)}\n`);
    return { url, dataDir, reused, load, stop: () => cluster.stop() };
  } catch (error) {
    await cluster.stop();
    if (!reused) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function loadInto(cluster: TestPostgres, file: string, log: (line: string) => void): Promise<Omit<PgLoadReport, 'sourceMtimeMs'>> {
  const started = performance.now();
  const phases: PgLoadReport['phases'] = [];
  let mark = started;
  const phase = (name: string) => {
    const now = performance.now();
    phases.push({ name, seconds: (now - mark) / 1000 });
    log(`  ${name}: ${((now - mark) / 1000).toFixed(1)} s`);
    mark = now;
  };

  const url = await cluster.createDatabase(DATABASE);
  const migrated = openPostgres({ connectionString: url, max: 1 });
  await migrateToLatest(migrated.db);
  await migrated.close();
  phase('migrate');

  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rows: Record<string, number> = {};
  try {
    await client.query(`set session_replication_role = replica`);
    await client.query(`set maintenance_work_mem = '256MB'`);
    const indexes = (
      await client.query<{ name: string; sql: string }>(
        `select i.indexname as name, i.indexdef as sql from pg_indexes i
         where i.schemaname = 'public'
           and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
      )
    ).rows;
    for (const index of indexes) await client.query(`drop index "${index.name}"`);
    phase(`drop ${indexes.length} indexes`);

    const pgTables = (
      await client.query<{ name: string }>(
        `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      )
    ).rows.map((row) => row.name);
    for (const table of pgTables) {
      if (table in GRAMS) continue;
      const copied = await copyTable(sqlite, client, table);
      if (copied === null) continue;
      rows[table] = copied;
      if (copied > 0) log(`  ${table}: ${copied.toLocaleString('en')} rows`);
    }
    phase('copy rows');

    for (const [table, { source, column }] of Object.entries(GRAMS)) rows[table] = await fillGrams(sqlite, client, table, source, column);
    phase('search grams');

    for (const index of indexes) await client.query(index.sql);
    phase(`create ${indexes.length} indexes`);

    // Identity columns continue after the copied rowids, so rows the app writes later get new ones.
    for (const table of Object.values(GRAMS).map((g) => g.source))
      await client.query(`select setval(pg_get_serial_sequence('${table}', 'rowid'), greatest((select max(rowid) from ${table}), 1))`);
    await client.query('analyze');
    phase('analyze');
  } finally {
    await client.end();
    sqlite.close();
  }
  return { seconds: (performance.now() - started) / 1000, phases, rows };
}

/**
 * Copies a table's rows from SQLite (the columns both have, with `rowid` where PostgreSQL has one), in
 * rowid order; null when SQLite has no such table or PostgreSQL already holds rows (seeded by a
 * migration, e.g. `meta`).
 */
async function copyTable(sqlite: Database.Database, client: pg.Client, table: string): Promise<number | null> {
  const sqliteColumns = sqlite
    .prepare<[string], { name: string }>(`select name from pragma_table_info(?)`)
    .all(table)
    .map((c) => c.name);
  if (sqliteColumns.length === 0) return null;
  const present = await client.query(`select 1 from "${table}" limit 1`);
  if (present.rowCount) return null;
  const pgColumns = (
    await client.query<{ name: string }>(
      `select column_name as name from information_schema.columns where table_schema = 'public' and table_name = $1 order by ordinal_position`,
      [table],
    )
  ).rows.map((c) => c.name);
  const columns = pgColumns.filter((name) => sqliteColumns.includes(name) || name === 'rowid');
  const select = sqlite.prepare(`select ${columns.map((c) => `"${c}"`).join(', ')} from "${table}" order by rowid`).raw();
  return insertAll(client, table, columns, select.iterate() as IterableIterator<unknown[]>);
}

async function fillGrams(sqlite: Database.Database, client: pg.Client, table: string, source: string, column: string): Promise<number> {
  const select = sqlite.prepare(`select rowid, "${column}" from "${source}" order by rowid`).raw();
  function* grams() {
    for (const [rowid, text] of select.iterate() as IterableIterator<[number, string]>) yield [rowid, gramKeys(text)];
  }
  return insertAll(client, table, ['rowid', 'grams'], grams());
}

/** Multi-row INSERTs of `rows` (values in `columns` order); returns how many. */
async function insertAll(client: pg.Client, table: string, columns: string[], rows: Iterable<unknown[]>): Promise<number> {
  const perInsert = Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMS / columns.length));
  const head = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values `;
  const statement = (n: number) =>
    head + Array.from({ length: n }, (_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
  const full = statement(perInsert);
  let batch: unknown[] = [];
  let count = 0;
  let inBatch = 0;
  await client.query('begin');
  for (const row of rows) {
    batch.push(...row);
    if (++inBatch === perInsert) {
      await client.query({ text: full, values: batch });
      count += inBatch;
      batch = [];
      inBatch = 0;
    }
  }
  if (inBatch > 0) await client.query(statement(inBatch), batch);
  await client.query('commit');
  return count + inBatch;
}
