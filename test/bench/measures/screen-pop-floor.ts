import type { Measure } from '../measure';
import { timeEach } from './timing';

/** customers.history's default limit, which the screen pop uses. */
const FIRST_PAGE = 30;

interface Row {
  id: string;
  at: string;
}

const newestFirst = (a: Row, b: Row) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1);

/**
 * The floor under the screen pop: the same rows read with raw better-sqlite3 prepared statements
 * on the same indexes, with no query builder, no input parsing, no async hops and no shaping.
 * The gap between this and `screen-pop` is what core's layers cost; the floor itself is what the
 * schema and its indexes cost. The phone arrives already in E.164 here (parsing is core's work).
 */
export const screenPopFloor: Measure = {
  name: 'screen-pop-floor',
  title: 'screen pop floor (raw indexed SQL, same rows)',
  async run(ctx) {
    const raw = ctx.sqlite.raw;
    const q = {
      byPhone: raw.prepare<[string], { customer_id: string }>('select customer_id from customer_phones where e164 = ?'),
      customer: raw.prepare<[string], { id: string; name: string; tier: string }>('select id, name, tier from customers where id = ?'),
      phones: raw.prepare<[string], { e164: string; label: string | null }>(
        'select e164, label from customer_phones where customer_id = ? order by created_at',
      ),
      // The same three customer-keyed ranges as customers.history, each one page long.
      calls: raw.prepare<[string, number], Row & { agent_id: string }>(
        'select id, agent_id, channel, direction, started_at as at from contacts where customer_id = ? order by started_at desc, id desc limit ?',
      ),
      looseNotes: raw.prepare<[string, number], Row & { author_id: string; case_id: string | null }>(
        'select *, created_at as at from notes where customer_id = ? and contact_id is null order by created_at desc, id desc limit ?',
      ),
      opened: raw.prepare<[string, number], Row & { opened_by: string }>(
        'select *, opened_at as at from cases where customer_id = ? order by opened_at desc, id desc limit ?',
      ),
      links: raw.prepare<[string, string], { contact_id: string; case_id: string }>(
        'select contact_id, case_id from contact_cases where case_id in (select id from cases where customer_id = ?) and cast(contact_id as text) in (select value from json_each(?))',
      ),
      callNotes: raw.prepare<[string, string], { author_id: string }>(
        'select * from notes where customer_id = ? and contact_id in (select value from json_each(?))',
      ),
      caseRef: raw.prepare<[string], { id: string }>('select id, number, title from cases where id = ?'),
      agent: raw.prepare<[string], { id: string }>('select id, name, employee_no from agents where id = ?'),
    };

    const once = (customerE164: string, expected: string) => {
      const hit = q.byPhone.get(customerE164);
      if (hit?.customer_id !== expected) throw new Error(`The floor lookup of ${customerE164} did not find customer ${expected}.`);
      const customer = hit.customer_id;
      q.customer.get(customer);
      q.phones.all(customer);
      // One row more than the page, as core asks for, to know whether there is a next page.
      const calls = q.calls.all(customer, FIRST_PAGE + 1);
      const looseNotes = q.looseNotes.all(customer, FIRST_PAGE + 1);
      const opened = q.opened.all(customer, FIRST_PAGE + 1);
      const page = new Set([...calls, ...looseNotes, ...opened].sort(newestFirst).slice(0, FIRST_PAGE));
      const pageCalls = calls.filter((c) => page.has(c));
      const agents = new Set<string>();
      const cases = new Set<string>();
      if (pageCalls.length) {
        const ids = JSON.stringify(pageCalls.map((c) => c.id));
        for (const link of q.links.all(customer, ids)) cases.add(link.case_id);
        for (const note of q.callNotes.all(customer, ids)) agents.add(note.author_id);
      }
      for (const call of pageCalls) agents.add(call.agent_id);
      for (const note of looseNotes.filter((n) => page.has(n))) {
        agents.add(note.author_id);
        if (note.case_id) cases.add(note.case_id);
      }
      // A case opened on this page is already read in full; its reference needs no look-up.
      for (const row of opened.filter((r) => page.has(r))) agents.add(row.opened_by);
      for (const row of opened.filter((r) => page.has(r))) cases.delete(row.id);
      for (const id of cases) q.caseRef.get(id);
      for (const id of agents) q.agent.get(id);
    };

    const timed = await timeEach(ctx.sampleCustomers(ctx.warmup, ctx.seed + 1), ctx.sampleCustomers(ctx.iterations, ctx.seed), (customer) =>
      once(customer.e164, customer.customerId),
    );
    return timed;
  },
};
