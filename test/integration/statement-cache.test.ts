import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from '../../main/db/statement-cache';

let raw: Database.Database;
afterEach(() => {
  if (raw.open) raw.close();
});

function open(capacity?: number) {
  raw = new Database(':memory:');
  raw.exec('create table t (id integer primary key, name text not null)');
  const cached = withStatementCache(raw, capacity);
  const db = new Kysely<{ t: { id: number; name: string } }>({ dialect: new SqliteDialect({ database: cached }) });
  return { cached, db };
}

describe('the prepared-statement cache', () => {
  it('hands back the same compiled statement for the same SQL, and a new one for other SQL', () => {
    const { cached } = open();
    const a = cached.prepare('select name from t where id = ?');
    expect(cached.prepare('select name from t where id = ?')).toBe(a);
    expect(cached.prepare('select id from t where name = ?')).not.toBe(a);
  });

  it('gives each run of a reused statement its own parameters and results', async () => {
    const { db } = open();
    await db.insertInto('t').values({ id: 1, name: '何志明' }).execute();
    await db.insertInto('t').values({ id: 2, name: '林晓' }).execute();
    const byId = (id: number) => db.selectFrom('t').select('name').where('id', '=', id).executeTakeFirst();
    expect(await byId(1)).toEqual({ name: '何志明' });
    expect(await byId(2)).toEqual({ name: '林晓' });
    expect(await byId(3)).toBeUndefined();
    const { numUpdatedRows } = await db.updateTable('t').set({ name: '何先生' }).where('id', '=', 1).executeTakeFirst();
    expect(numUpdatedRows).toBe(1n);
    expect(await byId(1)).toEqual({ name: '何先生' });
  });

  it('drops the least recently used statement when full, and keeps the ones in use', () => {
    const { cached } = open(2);
    const first = cached.prepare('select 1');
    const second = cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(first); // now the most recently used
    cached.prepare('select 3'); // over capacity: "select 2" goes
    expect(cached.prepare('select 1')).toBe(first);
    expect(cached.prepare('select 2')).not.toBe(second);
  });

  it('does not keep SQL that failed to compile', async () => {
    const { cached, db } = open();
    expect(() => cached.prepare('select * from later')).toThrow(/no such table/);
    await sql`create table later (x integer)`.execute(db);
    await sql`insert into later values (7)`.execute(db);
    expect((await sql<{ x: number }>`select * from later`.execute(db)).rows).toEqual([{ x: 7 }]);
  });

  it('follows a schema change made after a statement was compiled, as a migration does', async () => {
    const { db } = open();
    await db.insertInto('t').values({ id: 1, name: '何志明' }).execute();
    const all = () => sql<Record<string, unknown>>`select * from t`.execute(db).then((r) => r.rows);
    expect(await all()).toEqual([{ id: 1, name: '何志明' }]);
    await sql`alter table t add column tier text not null default 'gold'`.execute(db);
    expect(await all()).toEqual([{ id: 1, name: '何志明', tier: 'gold' }]);
  });

  it('closes the connection with the dialect', async () => {
    const { db } = open();
    await db.selectFrom('t').selectAll().execute();
    await db.destroy();
    expect(raw.open).toBe(false);
  });
});
