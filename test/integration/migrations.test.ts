import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, migrateToLatest, openSqlite, type SqliteHandle } from '../../main/db';
import { migrations } from '../../main/db/migrations';

let dir: string;
let handle: SqliteHandle;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kept-mig-'));
  handle = openSqlite(join(dir, 'kept.db'));
});
afterEach(async () => {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

async function tableNames(): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(handle.db);
  return rows.rows.map((r) => r.name);
}

describe('the migration list', () => {
  it('is in order and every name is unique', () => {
    const names = migrations.map(([name]) => name);
    expect([...names].sort()).toEqual(names);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^\d{4}_[a-z0-9_]+$/);
  });

  it('runs forward once and is a no-op the second time', async () => {
    expect(await migrateToLatest(handle.db)).toEqual(migrations.map(([n]) => n));
    expect(await migrateToLatest(handle.db)).toEqual([]);
  });

  it('refuses a database from a newer version and leaves it unchanged', async () => {
    await migrateToLatest(handle.db);
    await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2030-01-01T00:00:00.000Z')`.execute(handle.db);
    const before = await tableNames();
    await expect(migrateToLatest(handle.db)).rejects.toBeInstanceOf(DatabaseTooNewError);
    await expect(migrateToLatest(handle.db)).rejects.toThrow(/newer version of Kept/);
    expect(await tableNames()).toEqual(before);
  });
});

describe('0001_initial', () => {
  it('creates the skeleton tables', async () => {
    await migrateToLatest(handle.db, migrations.slice(0, 1));
    const tables = await tableNames();
    for (const t of ['agents', 'customers', 'customer_phones', 'cases', 'contacts', 'contact_cases', 'notes', 'audit_log', 'applied_mutations', 'outbox', 'meta'])
      expect(tables).toContain(t);
  });

  it('enforces the keys that keep the story consistent', async () => {
    await migrateToLatest(handle.db, migrations.slice(0, 1));
    const insertNoteForMissingCustomer = handle.raw.prepare(
      "insert into notes (id, customer_id, author_id, body, created_at) values ('n1', 'nobody', 'nobody', 'x', '2026-01-01')",
    );
    expect(() => insertNoteForMissingCustomer.run()).toThrow(/FOREIGN KEY/);
    handle.raw.prepare("insert into agents values ('a1', '23338', '钱伟', 'agent', '2026-01-01')").run();
    expect(() => handle.raw.prepare("insert into agents values ('a2', '23338', '别人', 'agent', '2026-01-01')").run()).toThrow(/UNIQUE/);
  });
});
