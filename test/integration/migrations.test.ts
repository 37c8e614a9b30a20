import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type Migration, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUPS_KEPT, DatabaseTooNewError, migrateToLatest, openSqlite, type SqliteHandle } from '../../main/db';
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

/** One agent, one customer and one case, in the columns of 0001: the rows a later migration must carry over. */
const ONE_CASE = `
  insert into agents values ('a1', '1', '甲', 'agent', '2026-01-01');
  insert into customers values ('c1', '何志明', 'standard', '2026-01-01', '2026-01-01', 1);
  insert into cases values ('k1', 'C-1', 'c1', '积分兑换券无法兑换', 'points_voucher', 'open', 'normal', 1, 'a1', '2026-01-01', '2026-01-01', 1);`;

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
    await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2030-01-01T00:00:00.000Z')`.execute(
      handle.db,
    );
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
    for (const t of [
      'agents',
      'customers',
      'customer_phones',
      'cases',
      'contacts',
      'contact_cases',
      'notes',
      'audit_log',
      'applied_mutations',
      'outbox',
      'meta',
    ])
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

describe('0002_brief', () => {
  it('adds facts, incidents, drafts and the note search indexes, and indexes notes already there', async () => {
    await migrateToLatest(handle.db, migrations.slice(0, 1));
    handle.raw.exec(`
      insert into agents values ('a1', '1', '甲', 'agent', '2026-01-01');
      insert into customers values ('c1', '客户', 'standard', '2026-01-01', '2026-01-01', 1);
      insert into notes (id, customer_id, author_id, body, created_at) values ('n1', 'c1', 'a1', '门店缺货无法兑换', '2026-01-01');`);
    await migrateToLatest(handle.db, migrations.slice(0, 2));
    expect(await tableNames()).toEqual(expect.arrayContaining(['pinned_facts', 'incidents', 'drafts', 'notes_fts', 'notes_grams']));
    expect(handle.raw.prepare(`select count(*) n from notes_fts where notes_fts match '"缺货无"'`).get()).toEqual({ n: 1 });
    expect(handle.raw.prepare(`select count(*) n from notes_grams where notes_grams match '"缺货"'`).get()).toEqual({ n: 1 });
  });
});

describe('0003_commitments', () => {
  it('adds promotions, decisions, escalations, commitments and messages', async () => {
    await migrateToLatest(handle.db, migrations.slice(0, 3));
    expect(await tableNames()).toEqual(
      expect.arrayContaining(['customer_promotions', 'decisions', 'escalations', 'commitments', 'messages']),
    );
    const indexes = (handle.raw.prepare(`select name from sqlite_master where type = 'index'`).all() as { name: string }[]).map(
      (r) => r.name,
    );
    expect(indexes).toEqual(expect.arrayContaining(['commitments_open_due', 'messages_queue', 'escalations_status']));
  });
});

describe('0004_entity_search', () => {
  it('indexes existing customer names and case titles for search', async () => {
    await migrateToLatest(handle.db, migrations.slice(0, 3));
    handle.raw.exec(ONE_CASE);
    await migrateToLatest(handle.db, migrations.slice(0, 4));
    expect(handle.raw.prepare(`select count(*) n from customer_grams where customer_grams match '"志明"'`).get()).toEqual({ n: 1 });
    expect(handle.raw.prepare(`select count(*) n from case_grams where case_grams match '"兑换" AND "换券"'`).get()).toEqual({ n: 1 });
  });
});

describe('0005_timeline_reads', () => {
  async function indexes(table: string): Promise<Record<string, string[]>> {
    const names = handle.raw.prepare(`select name from pragma_index_list(?) where origin = 'c' order by name`).all(table) as {
      name: string;
    }[];
    return Object.fromEntries(
      names.map(({ name }) => [
        name,
        (handle.raw.prepare('select name from pragma_index_info(?) order by seqno').all(name) as { name: string }[]).map((c) => c.name),
      ]),
    );
  }

  it('replaces the narrow timeline indexes with ones that carry what the screen pop reads, keeping the rows', async () => {
    await migrateToLatest(handle.db, migrations.slice(0, 4));
    handle.raw.exec(ONE_CASE);
    handle.raw.exec(`
      insert into contacts values ('t1', 'c1', 'a1', 'phone', 'inbound', '2026-01-02');
      insert into contact_cases values ('t1', 'k1');`);
    expect(await indexes('contacts')).toHaveProperty('contacts_customer_started');

    await migrateToLatest(handle.db, migrations.slice(0, 5));
    expect(await indexes('contacts')).toEqual({
      contacts_customer_timeline: ['customer_id', 'started_at', 'id', 'agent_id', 'channel', 'direction'],
    });
    expect(await indexes('notes')).toMatchObject({ notes_customer_contact: ['customer_id', 'contact_id', 'created_at', 'id'] });
    expect(await indexes('contact_cases')).toEqual({ contact_cases_case_contact: ['case_id', 'contact_id'] });
    expect(await indexes('customer_phones')).toEqual({ customer_phones_customer_added: ['customer_id', 'created_at', 'e164', 'label'] });
    expect(handle.raw.prepare('select count(*) n from contact_cases').get()).toEqual({ n: 1 });
    expect(handle.raw.prepare('pragma integrity_check').get()).toEqual({ integrity_check: 'ok' });
  });
});

describe('0006_escalation_note', () => {
  it('adds an empty decision note to escalations already there', async () => {
    await migrateToLatest(handle.db, migrations.slice(0, 5));
    handle.raw.exec(ONE_CASE);
    handle.raw.exec(`
      insert into escalations (id, case_id, customer_id, level, reason, detail, offer, amount, status, commitment_id, decision_id, raised_by, decided_by, created_at, decided_at)
        values ('e1', 'k1', 'c1', 2, 'authority', '', 'conversion', 50, 'open', null, null, 'a1', null, '2026-01-02', null);`);
    await migrateToLatest(handle.db, migrations.slice(0, 6));
    expect(handle.raw.prepare('select id, status, decision_note from escalations').all()).toEqual([
      { id: 'e1', status: 'open', decision_note: null },
    ]);
  });
});

describe('0012_escalation_workflow', () => {
  it('renames rejected to denied and a used approval to resolved, and gives every row the limit it was counted with', async () => {
    await migrateToLatest(handle.db, migrations.slice(0, 11));
    handle.raw.exec(`
      insert into agents (id, employee_no, name, role, created_at) values ('a1', '1', '甲', 'agent', '2026-01-01');
      insert into customers values ('c1', '何志明', 'standard', '2026-01-01', '2026-01-01', 1);
      insert into cases (id, number, customer_id, title, category, status, priority, level, opened_by, opened_at, updated_at, version)
        values ('k1', 'C-1', 'c1', '积分兑换券无法兑换', 'points_voucher', 'open', 'normal', 1, 'a1', '2026-01-01', '2026-01-01', 1);`);
    const cols =
      'id, case_id, customer_id, level, reason, detail, offer, amount, status, commitment_id, decision_id, raised_by, decided_by, created_at, decided_at';
    handle.raw.exec(`
      insert into escalations (${cols}) values ('e1', 'k1', 'c1', 2, 'authority', '', 'conversion', 50, 'rejected', null, null, 'a1', 'a1', '2026-01-02T00:00:00.000Z', '2026-01-02T01:00:00.000Z');
      insert into escalations (${cols}) values ('e2', 'k1', 'c1', 3, 'regulator', '', null, null, 'closed', null, null, 'a1', null, '2026-01-02T00:00:00.000Z', null);
      insert into escalations (${cols}) values ('e3', 'k1', 'c1', 2, 'authority', '', null, null, 'open', null, null, 'a1', null, '2026-01-02T00:00:00.000Z', null);`);
    await migrateToLatest(handle.db, migrations.slice(0, 12));
    expect(handle.raw.prepare('select id, status, decision, owner_id, due_at, updated_at from escalations order by id').all()).toEqual([
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
        due_at: '2026-01-03T00:00:00.000Z',
        updated_at: '2026-01-02T00:00:00.000Z',
      },
    ]);
  });
});

describe('0007_audit_head', () => {
  it('anchors the head of a chain already there, then moves it with each insert', async () => {
    await migrateToLatest(handle.db, migrations.slice(0, 6));
    const row = (seq: number, prev: string, hash: string) =>
      `insert into audit_log (seq, at, actor_id, mutation_id, action, entity, entity_id, data, prev_hash, hash)
         values (${seq}, '2026-01-01', 'a1', 'm${seq}', 'x', 'y', 'z', '{}', '${prev}', '${hash}');`;
    handle.raw.exec(row(1, '0'.repeat(64), 'a'.repeat(64)) + row(2, 'a'.repeat(64), 'b'.repeat(64)));
    await migrateToLatest(handle.db, migrations.slice(0, 7));
    expect(handle.raw.prepare('select seq, hash, count from audit_head').all()).toEqual([{ seq: 2, hash: 'b'.repeat(64), count: 2 }]);
    handle.raw.exec(row(3, 'b'.repeat(64), 'c'.repeat(64)));
    expect(handle.raw.prepare('select seq, hash, count from audit_head').all()).toEqual([{ seq: 3, hash: 'c'.repeat(64), count: 3 }]);
    expect(() => handle.raw.exec('delete from audit_log where seq = 3')).toThrow(/append-only/);
  });

  it('anchors an empty chain at the genesis hash', async () => {
    await migrateToLatest(handle.db);
    expect(handle.raw.prepare('select seq, hash, count from audit_head').all()).toEqual([{ seq: 0, hash: '0'.repeat(64), count: 0 }]);
  });
});

describe('each migration in its own transaction', () => {
  it('rolls a failing migration back whole, keeps the ones before it, and carries on once it is fixed', async () => {
    const failing: Migration = {
      up: async (db) => {
        await sql`create table half_done (id integer)`.execute(db);
        throw new Error('stopped half-way');
      },
    };
    const list = [...migrations.slice(0, 2), ['0003_commitments', failing] as const];
    await expect(migrateToLatest(handle.db, list)).rejects.toThrow(/stopped half-way/);
    expect(await tableNames()).not.toContain('half_done');
    const ledger = handle.raw.prepare('select name from kysely_migration order by name').all();
    expect(ledger).toEqual([{ name: '0001_initial' }, { name: '0002_brief' }]);
    expect(await migrateToLatest(handle.db)).toEqual(migrations.slice(2).map(([n]) => n));
  });
});

describe('the copy before migrating', () => {
  const backups = () => readdirSync(dir).filter((f) => f.endsWith('.bak'));

  it('is not made for a new, empty file', async () => {
    await migrateToLatest(handle.db);
    expect(backups()).toEqual([]);
  });

  it('is made when migrations are pending on a file with data, named for the first pending one, and opens', async () => {
    await migrateToLatest(handle.db, migrations.slice(0, 3));
    handle.raw.exec(ONE_CASE);
    await migrateToLatest(handle.db, migrations.slice(0, 3)); // nothing pending: no copy
    expect(backups()).toEqual([]);
    await migrateToLatest(handle.db);
    expect(backups()).toEqual(['kept.db.before-0004.bak']);
    const copy = new Database(join(dir, 'kept.db.before-0004.bak'), { readonly: true });
    try {
      expect(copy.prepare('select name from kysely_migration order by name').all()).toHaveLength(3);
      expect(copy.prepare('select title from cases').all()).toEqual([{ title: '积分兑换券无法兑换' }]);
    } finally {
      copy.close();
    }
  });

  it(`keeps the last ${BACKUPS_KEPT}`, async () => {
    await migrateToLatest(handle.db, migrations.slice(0, 1));
    for (let n = 2; n <= migrations.length; n++) await migrateToLatest(handle.db, migrations.slice(0, n));
    const expected = migrations.slice(-BACKUPS_KEPT).map(([name]) => `kept.db.before-${name.slice(0, 4)}.bak`);
    expect(backups()).toEqual(expected);
  });
});

describe('0008_accounts', () => {
  it('gives agents already there no team, not disabled, and no credentials or sessions', async () => {
    const before = migrations.findIndex(([name]) => name === '0008_accounts');
    await migrateToLatest(handle.db, migrations.slice(0, before));
    handle.raw.exec(ONE_CASE);
    await migrateToLatest(handle.db, migrations.slice(0, before + 1));
    expect(handle.raw.prepare('select id, team, disabled from agents').all()).toEqual([{ id: 'a1', team: null, disabled: 0 }]);
    for (const table of ['credentials', 'sessions', 'sign_in_failures'])
      expect(handle.raw.prepare(`select count(*) n from ${table}`).get()).toEqual({ n: 0 });
    expect(() =>
      handle.raw.exec(`insert into sessions values ('s1', 'h', 'a1', '2026-01-01', '2026-01-02', '2026-01-01', null);
                       insert into sessions values ('s2', 'h', 'a1', '2026-01-01', '2026-01-02', '2026-01-01', null);`),
    ).toThrow(/UNIQUE/);
  });
});

describe('0010_supervision', () => {
  const supervision = migrations.findIndex(([name]) => name === '0010_supervision');

  it('runs on a database at 0007 (it needs nothing from the migrations between), carrying the cases over unresolved', async () => {
    await migrateToLatest(handle.db, migrations.slice(0, 7));
    handle.raw.exec(`${ONE_CASE}
      insert into contacts (id, customer_id, agent_id, channel, direction, started_at) values
        ('t1', 'c1', 'a1', 'phone', 'inbound', '2026-01-01T10:00:00.000Z'),
        ('t2', 'c1', 'a1', 'phone', 'outbound', '2026-01-02T10:00:00.000Z'),
        ('t3', 'c1', 'a1', 'phone', 'inbound', '2026-01-08T09:59:59.999Z'),
        ('t4', 'c1', 'a1', 'phone', 'inbound', '2026-01-20T10:00:00.000Z');`);
    await migrateToLatest(handle.db, [...migrations.slice(0, 7), migrations[supervision]!]);
    // Repeat contacts are filled in for the contacts already there: inbound within 7 days of another inbound.
    expect(handle.raw.prepare('select id, is_repeat from contacts order by id').all()).toEqual([
      { id: 't1', is_repeat: 0 },
      { id: 't2', is_repeat: 0 },
      { id: 't3', is_repeat: 1 },
      { id: 't4', is_repeat: 0 },
    ]);
    expect(handle.raw.prepare('select id, resolved_at, resolved_by from cases').all()).toEqual([
      { id: 'k1', resolved_at: null, resolved_by: null },
    ]);
    expect(await tableNames()).toEqual(expect.arrayContaining(['reviews', 'case_complaints', 'surveys']));
  });

  it('allows one review per contact per reviewer, and one survey per token', async () => {
    await migrateToLatest(handle.db, migrations.slice(0, 7));
    handle.raw.exec(`${ONE_CASE}
      insert into agents values ('a2', '2', '乙', 'supervisor', '2026-01-01');
      insert into contacts (id, customer_id, agent_id, channel, direction, started_at) values ('t1', 'c1', 'a1', 'phone', 'inbound', '2026-01-01');`);
    await migrateToLatest(handle.db);
    handle.raw.exec(`
      insert into reviews values ('r1', 't1', 'a1', 'a2', '[]', 4, '好', '2026-01-02');
      insert into messages (id, case_id, customer_id, template, locale, to_phone, body, status, created_at)
        values ('m1', 'k1', 'c1', 'case_survey', 'zh-CN', '+86', '评价', 'queued', '2026-01-02');
      insert into surveys (id, case_id, customer_id, token, message_id, agent_id, created_at) values ('s1', 'k1', 'c1', 'ABCDEFGHJK', 'm1', 'a1', '2026-01-02');`);
    expect(() => handle.raw.exec(`insert into reviews values ('r2', 't1', 'a1', 'a2', '[]', 3, '再评', '2026-01-03')`)).toThrow(/UNIQUE/);
    expect(() =>
      handle.raw.exec(
        `insert into surveys (id, case_id, customer_id, token, message_id, agent_id, created_at) values ('s2', 'k1', 'c1', 'ABCDEFGHJK', 'm1', 'a1', '2026-01-03')`,
      ),
    ).toThrow(/UNIQUE/);
  });
});

describe('0015_desk_tokens', () => {
  it('adds desk tokens: one row per token hash, each tied to a person', async () => {
    const at = migrations.findIndex(([name]) => name === '0015_desk_tokens');
    await migrateToLatest(handle.db, migrations.slice(0, at));
    handle.raw.exec(`insert into agents (id, employee_no, name, role, created_at) values ('a1', '1', '甲', 'agent', '2026-01-01')`);
    await migrateToLatest(handle.db, migrations.slice(0, at + 1));
    expect(handle.raw.prepare('select count(*) n from desk_tokens').get()).toEqual({ n: 0 });
    const row = (id: string, hash: string, agent: string) =>
      `insert into desk_tokens values ('${id}', '${hash}', 'refresh', 'f1', '${agent}', 'desk-1', '2026-01-01', '2026-02-01', null, null);`;
    handle.raw.exec(row('t1', 'h1', 'a1'));
    expect(() => handle.raw.exec(row('t2', 'h1', 'a1'))).toThrow(/UNIQUE/);
    expect(() => handle.raw.exec(row('t3', 'h3', 'nobody'))).toThrow(/FOREIGN KEY/);
  });
});

describe('0016_audit_reads', () => {
  const reads = migrations.findIndex(([name]) => name === '0016_audit_reads');

  it('copies each customer’s tier onto their cases and counts the inbound contacts already there per Beijing day and agent', async () => {
    await migrateToLatest(handle.db, migrations.slice(0, reads));
    handle.raw.exec(`
      insert into agents (id, employee_no, name, role, created_at) values ('a1', '1', '甲', 'agent', '2026-01-01');
      insert into customers values ('c1', '何志明', 'standard', '2026-01-01', '2026-01-01', 1);
      insert into cases (id, number, customer_id, title, category, status, priority, level, opened_by, opened_at, updated_at, version)
        values ('k1', 'C-1', 'c1', '积分兑换券无法兑换', 'points_voucher', 'open', 'normal', 1, 'a1', '2026-01-01', '2026-01-01', 1);
      insert into contacts (id, customer_id, agent_id, channel, direction, started_at, is_repeat) values
        ('t1', 'c1', 'a1', 'phone', 'inbound', '2026-01-01T15:59:59.999Z', 0),
        ('t2', 'c1', 'a1', 'phone', 'inbound', '2026-01-01T16:00:00.000Z', 1),
        ('t3', 'c1', 'a1', 'phone', 'outbound', '2026-01-01T17:00:00.000Z', 0),
        ('t4', 'c1', 'a1', 'phone', 'inbound', '2026-01-02T03:00:00.000Z', 1);`);
    await migrateToLatest(handle.db, migrations.slice(0, reads + 1));
    expect(handle.raw.prepare('select id, customer_tier from cases').all()).toEqual([{ id: 'k1', customer_tier: 'standard' }]);
    // 23:59 on 1 January in Beijing, then 00:00 and 11:00 on 2 January; the outbound call is not counted.
    expect(handle.raw.prepare('select day, agent_id, inbound, repeats from contact_days order by day').all()).toEqual([
      { day: '2026-01-01', agent_id: 'a1', inbound: 1, repeats: 0 },
      { day: '2026-01-02', agent_id: 'a1', inbound: 2, repeats: 2 },
    ]);
    handle.raw.exec(`update customers set tier = 'gold' where id = 'c1'`);
    expect(handle.raw.prepare('select customer_tier from cases').get()).toEqual({ customer_tier: 'gold' });
    const plan = handle.raw.prepare(`explain query plan select seq from audit_log where actor_id = ? order by seq desc limit 20`).all('a1');
    expect(JSON.stringify(plan)).toMatch(/USING COVERING INDEX audit_log_actor/);
  });
});
