import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORY_CUSTOMER_ID, STORY_PHONE } from '../../main/core';
import { lookupByPhone } from '../../main/core/customers/customers';
import { customerHistory } from '../../main/core/customers/history';
import type { DB } from '../../main/db';
import { openTempCore, type TempCore } from '../fixtures/temp-core';

let t: TempCore;
beforeAll(async () => {
  t = await openTempCore({ synthetic: 5 });
});
afterAll(() => t.dispose());

function plan(query: string, ...params: unknown[]): string {
  return (t.sqlite.raw.prepare(`explain query plan ${query}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
}

/** The screen-pop reads must stay index look-ups, never scans, as the tables grow. */
describe('hot query plans', () => {
  it.each([
    ['phone → customer', 'select customer_id from customer_phones where e164 = ?', [STORY_PHONE], /USING (INDEX|PRIMARY KEY)/],
    [
      'a customer’s calls, newest first, with the columns shown',
      'select id, customer_id, agent_id, channel, direction, started_at from contacts where customer_id = ? order by started_at desc, id desc limit 31',
      ['x'],
      /USING COVERING INDEX contacts_customer_timeline/,
    ],
    [
      'the next page of calls',
      'select id, agent_id from contacts where customer_id = ? and (started_at, id) < (?, ?) order by started_at desc, id desc limit 31',
      ['x', '2026-01-01', 'y'],
      /USING COVERING INDEX contacts_customer_timeline \(customer_id=\? AND \(started_at,id\)<\(\?,\?\)\)/,
    ],
    [
      'a customer’s notes outside calls',
      'select * from notes where customer_id = ? and contact_id is null order by created_at desc, id desc limit 31',
      ['x'],
      /USING INDEX notes_customer_contact \(customer_id=\? AND contact_id=\?\)/,
    ],
    [
      'the notes of a page of calls',
      'select * from notes where customer_id = ? and contact_id in (?, ?)',
      ['x', 'a', 'b'],
      /USING INDEX notes_customer_contact \(customer_id=\? AND contact_id=\?\)/,
    ],
    [
      'a customer’s cases',
      'select * from cases where customer_id = ? order by opened_at desc, id desc limit 31',
      ['x'],
      /USING INDEX cases_customer_opened/,
    ],
    [
      'the case links of a page of calls',
      'select contact_id, case_id from contact_cases where case_id in (select id from cases where customer_id = ?) and cast(contact_id as text) in (?, ?)',
      ['x', 'a', 'b'],
      /USING COVERING INDEX contact_cases_case_contact \(case_id=\?\)/,
    ],
    ['notes of a call', 'select * from notes where contact_id in (?, ?)', ['a', 'b'], /USING INDEX notes_contact/],
    [
      'cases of a call',
      'select * from contact_cases where contact_id in (?, ?)',
      ['a', 'b'],
      /USING (COVERING )?INDEX (sqlite_autoindex_contact_cases_1|contact_cases_pk)|USING PRIMARY KEY/,
    ],
    ['calls of a case', 'select contact_id from contact_cases where case_id = ?', ['x'], /USING COVERING INDEX contact_cases_case_contact/],
    ['notes of a case', 'select * from notes where case_id = ? order by created_at desc', ['x'], /USING INDEX notes_case_created/],
  ])('%s uses its index', (_name, query, params, expected) => {
    const detail = plan(query, ...params);
    expect(detail).toMatch(expected);
    expect(detail).not.toMatch(/^SCAN (contacts|notes|cases|customer_phones|contact_cases)\b/m);
  });
});

describe('the screen pop, statement by statement', () => {
  it('reads every row through an index and scans no table, on both pages of the seed customer’s story', async () => {
    const statements: { sql: string; parameters: readonly unknown[] }[] = [];
    const db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: t.sqlite.raw }),
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

    const plans = statements.map((s) => ({ sql: s.sql, plan: plan(s.sql, ...s.parameters) }));
    expect(plans.length).toBeGreaterThanOrEqual(10);
    for (const { sql, plan: detail } of plans) {
      expect(detail, sql).not.toMatch(/^SCAN (?!CONSTANT)/m);
      expect(detail, sql).not.toMatch(/USE TEMP B-TREE/);
    }
    const all = plans.map((p) => p.plan).join('\n');
    for (const index of ['contacts_customer_timeline', 'notes_customer_contact', 'cases_customer_opened', 'contact_cases_case_contact']) {
      expect(all).toContain(index);
    }
  });
});
