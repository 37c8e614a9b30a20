import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    ['phone → customer', 'select customer_id from customer_phones where e164 = ?', ['+8613800138000'], /USING (INDEX|PRIMARY KEY)/],
    ['a customer’s calls, newest first', 'select id from contacts where customer_id = ? order by started_at desc, id desc limit 31', ['x'], /USING (COVERING )?INDEX contacts_customer_started/],
    ['a customer’s notes outside calls', 'select id from notes where customer_id = ? and contact_id is null order by created_at desc, id desc limit 31', ['x'], /USING INDEX notes_customer_created/],
    ['a customer’s cases', 'select id from cases where customer_id = ? order by opened_at desc, id desc limit 31', ['x'], /USING (COVERING )?INDEX cases_customer_opened/],
    ['notes of a call', 'select * from notes where contact_id in (?, ?)', ['a', 'b'], /USING INDEX notes_contact/],
    ['cases of a call', 'select * from contact_cases where contact_id in (?, ?)', ['a', 'b'], /USING (COVERING )?INDEX (sqlite_autoindex_contact_cases_1|contact_cases_pk)|USING PRIMARY KEY/],
    ['calls of a case', 'select contact_id from contact_cases where case_id = ?', ['x'], /USING (COVERING )?INDEX contact_cases_case/],
    ['notes of a case', 'select * from notes where case_id = ? order by created_at desc', ['x'], /USING INDEX notes_case_created/],
  ])('%s uses its index', (_name, query, params, expected) => {
    const detail = plan(query, ...params);
    expect(detail).toMatch(expected);
    expect(detail).not.toMatch(/^SCAN (contacts|notes|cases|customer_phones|contact_cases)\b/m);
  });
});
