import { Kysely, PostgresDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORY_CUSTOMER_ID, STORY_PHONE } from '../../main/core';
import { customerBrief } from '../../main/core/customers/brief';
import { lookupByPhone } from '../../main/core/customers/customers';
import { customerHistory } from '../../main/core/customers/history';
import type { DB } from '../../main/db';
import { openTempPostgresCore, startPostgres, type TempPostgresCore, type TestPostgres } from '../fixtures/embedded-postgres';

// The screen pop on PostgreSQL: every statement it sends can be served by an index. The seeded tables are
// small, so the planner would rightly scan them; with sequential scans priced out (enable_seqscan = off) a
// plan still shows a Seq Scan only where no index can serve the statement.
let cluster: TestPostgres;
let t: TempPostgresCore;

beforeAll(async () => {
  cluster = await startPostgres();
  t = await openTempPostgresCore(cluster, { synthetic: 5 });
}, 120_000);
afterAll(async () => {
  await t?.dispose();
  await cluster?.stop();
});

async function planWithoutSeqScan(statement: string, parameters: readonly unknown[]): Promise<string> {
  const client = await t.postgres.pool.connect();
  try {
    await client.query('begin');
    await client.query('set local enable_seqscan = off');
    const rows = await client.query<{ 'QUERY PLAN': string }>(`explain ${statement}`, [...parameters]);
    return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.query('rollback');
    client.release();
  }
}

describe('the screen pop on PostgreSQL, statement by statement', () => {
  it('reads every table of the look-up, both history pages and the brief through an index', async () => {
    const statements: { sql: string; parameters: readonly unknown[] }[] = [];
    const db = new Kysely<DB>({
      dialect: new PostgresDialect({ pool: t.postgres.pool }),
      log: (event) => {
        if (event.level === 'query') statements.push({ sql: event.query.sql, parameters: event.query.parameters });
      },
    });
    const customer = await lookupByPhone(db, STORY_PHONE);
    expect(customer?.id).toBe(STORY_CUSTOMER_ID);
    const first = await customerHistory(db, STORY_CUSTOMER_ID, 5, null);
    expect(first.nextCursor).not.toBeNull();
    const second = await customerHistory(db, STORY_CUSTOMER_ID, 5, first.nextCursor);
    expect(second.items.length).toBeGreaterThan(0);
    await customerBrief(db, STORY_CUSTOMER_ID, new Date());

    expect(statements.length).toBeGreaterThanOrEqual(10);
    const plans: string[] = [];
    for (const s of statements) {
      const plan = await planWithoutSeqScan(s.sql, s.parameters);
      plans.push(plan);
      expect(plan, s.sql).not.toMatch(/Seq Scan on (contacts|notes|cases|customer_phones|contact_cases|commitments|pinned_facts)\b/);
    }
    const all = plans.join('\n');
    for (const index of ['contacts_customer_timeline', 'notes_customer_contact', 'cases_customer_opened', 'contact_cases_case_contact'])
      expect(all).toContain(index);
  });
});
