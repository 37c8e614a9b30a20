import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../main/core';
import { migrateToLatest, openSqlite } from '../../main/db';
import { migrations } from '../../main/db/migrations';

const root = resolve(__dirname, '..', '..');
const child = join(root, 'test/fixtures/migrate-and-die.ts');
// The migration killed half-way: the audit head's, whose first statement creates a table to look for.
const lastName = '0007_audit_head';
const target = migrations.findIndex(([name]) => name === lastName);

let dir: string;
let file: string;
/** The schema one migration behind: what an interrupted last migration must leave. */
let schemaBefore: unknown[];

/** Every table, index and trigger of a file, as SQLite keeps their definitions. */
function schemaOf(raw: Database.Database): unknown[] {
  return raw.prepare(`select type, name, sql from sqlite_master order by type, name`).all();
}

/** A file at the migration before the last, with a customer and a note; its schema kept in `schemaBefore`. */
async function databaseOneMigrationBehind(): Promise<void> {
  const handle = openSqlite(file);
  await migrateToLatest(handle.db, migrations.slice(0, target));
  handle.raw.exec(`
    insert into agents values ('a1', '1', '甲', 'agent', '2026-01-01');
    insert into customers values ('c1', '何志明', 'standard', '2026-01-01', '2026-01-01', 1);
    insert into notes (id, customer_id, author_id, body, created_at) values ('n1', 'c1', 'a1', '断电前的笔记', '2026-01-01');`);
  schemaBefore = schemaOf(handle.raw);
  await handle.close();
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kept-mig-kill-'));
  file = join(dir, 'kept.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function migrateAndDie(killAfter: number): { signal: NodeJS.Signals | null; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', child, file, lastName, String(killAfter)], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { signal: run.signal, stderr: run.stderr };
}

describe('a migration killed half-way', () => {
  it.each([1, 2, 5])('(SIGKILL after statement %i) leaves a database that opens and migrates cleanly on the next start', async (n) => {
    await databaseOneMigrationBehind();
    const killed = migrateAndDie(n);
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    // The copy aside was made before the migration began.
    expect(existsSync(`${file}.before-${lastName.slice(0, 4)}.bak`)).toBe(true);

    const raw = new Database(file);
    try {
      expect(raw.prepare('pragma integrity_check').get()).toEqual({ integrity_check: 'ok' });
      // Nothing of the interrupted migration is left: not its ledger row, not a table, column, index or trigger of it.
      expect(raw.prepare('select count(*) n from kysely_migration where name = ?').get(lastName)).toEqual({ n: 0 });
      expect(schemaOf(raw)).toEqual(schemaBefore);
      expect(raw.prepare('select body from notes').all()).toEqual([{ body: '断电前的笔记' }]);
    } finally {
      raw.close();
    }

    const handle = openSqlite(file);
    try {
      expect(await migrateToLatest(handle.db)).toEqual(migrations.slice(target).map(([name]) => name));
      expect(await verifyAudit(handle.db)).toEqual({ ok: true, checked: 0, firstBad: null });
      expect(handle.raw.prepare('pragma integrity_check').get()).toEqual({ integrity_check: 'ok' });
    } finally {
      await handle.close();
    }
  });
});
