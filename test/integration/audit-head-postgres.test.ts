import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../main/core';
import { type DB, migrateToLatest, openPostgres, type PostgresHandle } from '../../main/db';
import { migrations } from '../../main/db/migrations';
import { startPostgres, type TestPostgres } from '../fixtures/embedded-postgres';

// 0007_audit_head on a real PostgreSQL: the trigger functions, and the runner's transaction per migration.
let cluster: TestPostgres;
let handle: PostgresHandle;
let db: Kysely<DB>;

const byName = (name: string) => migrations.find(([n]) => n === name)!;

beforeAll(async () => {
  cluster = await startPostgres();
  handle = openPostgres({ connectionString: await cluster.createDatabase(), max: 2 });
  db = handle.db;
  // The skeleton, a chain of two rows already there, then the head.
  await migrateToLatest(db, [byName('0001_initial')]);
  await sql`insert into agents values ('a1', '1', '甲', 'agent', '2026-01-01')`.execute(db);
  await sql`insert into customers (id, name, tier, created_at, updated_at, version) values ('c1', '客户', 'standard', '2026-01-01', '2026-01-01', 1)`.execute(
    db,
  );
  await sql`insert into notes (id, customer_id, author_id, body, created_at) values ('n1', 'c1', 'a1', '笔记', '2026-01-01')`.execute(db);
}, 120_000);
afterAll(async () => {
  await handle?.close();
  await cluster?.stop();
});

async function append(seq: number, data: string): Promise<void> {
  const { createHash } = await import('node:crypto');
  const { canonicalJson } = await import('../../shared');
  const last = await db.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const prev = last?.hash ?? '0'.repeat(64);
  const row = { seq, at: '2026-01-01', actor_id: 'a1', mutation_id: `m${seq}`, action: 'x', entity: 'y', entity_id: 'z', data };
  const hash = createHash('sha256').update(prev).update(canonicalJson(row)).digest('hex');
  await sql`insert into audit_log (seq, at, actor_id, mutation_id, action, entity, entity_id, data, prev_hash, hash)
    overriding system value values (${seq}, ${row.at}, ${row.actor_id}, ${row.mutation_id}, 'x', 'y', 'z', ${data}, ${prev}, ${hash})`.execute(
    db,
  );
}

describe('0007_audit_head on PostgreSQL', () => {
  it('anchors the chain already there and moves the head on every insert', async () => {
    await append(1, '{}');
    await append(2, '{"a":1}');
    const failing = ['0007_audit_head', { up: async () => Promise.reject(new Error('not yet')) }] as const;
    await expect(migrateToLatest(db, [byName('0001_initial'), failing])).rejects.toThrow('not yet');
    expect(await migrateToLatest(db, [byName('0001_initial'), byName('0007_audit_head')])).toEqual(['0007_audit_head']);
    const head = async () => (await sql<{ seq: number; count: number }>`select seq, count from audit_head`.execute(db)).rows;
    expect(await head()).toEqual([{ seq: 2, count: 2 }]);
    await append(3, '{"b":2}');
    expect(await head()).toEqual([{ seq: 3, count: 3 }]);
    expect(await verifyAudit(db)).toEqual({ ok: true, checked: 3, firstBad: null });
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit rows and notes, and moving the head back', async () => {
    for (const statement of [
      sql`update audit_log set data = '{}' where seq = 2`,
      sql`delete from audit_log where seq = 3`,
      sql`truncate audit_log`,
      sql`update notes set body = '改过'`,
      sql`delete from notes`,
      sql`update audit_head set count = count - 1`,
      sql`delete from audit_head`,
    ])
      await expect(statement.execute(db)).rejects.toThrow(/append-only|only moves forward/);
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
  });

  it('reports a cut tail once the guard is dropped', async () => {
    await sql`drop trigger audit_log_append_only on audit_log`.execute(db);
    await sql`delete from audit_log where seq = 3`.execute(db);
    expect(await verifyAudit(db)).toEqual({ ok: false, checked: 2, firstBad: { seq: 3, reason: 'truncated' } });
  });
});
