import Database from 'better-sqlite3';
import { migrateToLatest, openSqlite } from '../../../main/db';
import { textGrams } from '../../../shared';
import { generate } from './generate';
import type { DatasetSizes } from './sizes';
import { RowWriter } from './writer';

export interface BuildReport {
  seconds: number;
  phases: Array<{ name: string; seconds: number }>;
  rows: RowWriter['counts'];
}

/**
 * The foreign key check reads every row once more (6–17 s at the default size). Bigger builds skip it:
 * the generator only ever references rows it has already written, and the same code is checked on
 * every default and --quick build.
 */
const FOREIGN_KEY_CHECK_MAX_ROWS = 5_000_000;

/**
 * Builds the synthetic database at `file` (which must not exist).
 *
 * The schema comes from the real migrations. For the load only, the connection runs with
 * synchronous=OFF (a crash mid-build just means building again) and foreign keys unchecked
 * (checked once at the end instead), and the explicit indexes are dropped and re-created from
 * their own stored SQL afterwards: SQLite builds an index from sorted input far faster than it
 * maintains one under millions of scattered inserts, and the result is the same index.
 */
export async function buildDatabase(file: string, sizes: DatasetSizes, log: (line: string) => void): Promise<BuildReport> {
  const started = performance.now();
  const phases: BuildReport['phases'] = [];
  let mark = started;
  const phase = (name: string) => {
    const now = performance.now();
    phases.push({ name, seconds: (now - mark) / 1000 });
    log(`  ${name}: ${((now - mark) / 1000).toFixed(1)} s`);
    mark = now;
  };

  const migrated = openSqlite(file);
  await migrateToLatest(migrated.db);
  await migrated.close();
  phase('migrate');

  const raw = new Database(file);
  try {
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = OFF');
    raw.pragma('foreign_keys = OFF');
    raw.pragma('cache_size = -1048576'); // 1 GiB, for the primary-key and UNIQUE indexes, which stay during the load
    raw.pragma('temp_store = MEMORY');
    raw.pragma('threads = 2'); // worker threads for the sorts behind CREATE INDEX

    // Every explicit index (primary keys and UNIQUE constraints have no SQL and stay).
    const indexes = raw
      .prepare<[], { name: string; sql: string }>(`select name, sql from sqlite_master where type = 'index' and sql is not null`)
      .all();
    for (const index of indexes) raw.exec(`drop index "${index.name}"`);

    const writer = new RowWriter(raw);
    generate(sizes, writer, (what, done, total) => log(`  ${what}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`));
    writer.finish();
    phase('insert rows');

    for (const index of indexes) raw.exec(index.sql);
    phase(`create ${indexes.length} indexes`);

    fillSearchIndexes(raw);
    phase('search indexes (trigram and 2-gram)');

    const rows = Object.values(writer.counts).reduce((sum, n) => sum + n, 0);
    if (rows <= FOREIGN_KEY_CHECK_MAX_ROWS) {
      const broken = raw.prepare('pragma foreign_key_check').all();
      if (broken.length > 0)
        throw new Error(`The generator wrote ${broken.length} rows that break a foreign key, e.g. ${JSON.stringify(broken[0])}`);
      phase('check foreign keys');
    } else {
      log(
        `  foreign key check skipped above ${FOREIGN_KEY_CHECK_MAX_ROWS.toLocaleString('en')} rows (the default and --quick builds run it)`,
      );
    }

    raw.pragma('wal_checkpoint(TRUNCATE)');
    phase('checkpoint');
    return { seconds: (performance.now() - started) / 1000, phases, rows: writer.counts };
  } finally {
    raw.close();
  }
}

/** The app fills these in each row's own transaction; a bulk load fills them once, the same way. */
function fillSearchIndexes(raw: Database.Database): void {
  raw.exec('insert into notes_fts(rowid, body) select rowid, body from notes');
  fillGrams(raw, 'select rowid, body as text from notes', 'notes_grams');
  fillGrams(raw, 'select rowid, name as text from customers', 'customer_grams');
  fillGrams(raw, 'select rowid, title as text from cases', 'case_grams');
}

/** Pages through a table by rowid (better-sqlite3 cannot write while a read is open) writing its 2-grams. */
function fillGrams(raw: Database.Database, select: string, table: string): void {
  const page = raw.prepare<[number], { rowid: number; text: string }>(
    `select * from (${select}) where rowid > ? order by rowid limit 20000`,
  );
  const insert = raw.prepare<[number, string]>(`insert into ${table}(rowid, grams) values (?, ?)`);
  const writePage = raw.transaction((rows: { rowid: number; text: string }[]) => {
    for (const row of rows) insert.run(row.rowid, textGrams(row.text));
  });
  for (let after = 0; ;) {
    const rows = page.all(after);
    if (rows.length === 0) break;
    writePage(rows);
    after = rows[rows.length - 1]!.rowid;
  }
}
