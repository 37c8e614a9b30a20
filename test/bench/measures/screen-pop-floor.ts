import type { Measure } from '../measure';
import { timeEach } from './timing';

/** customers.history's default limit, which the screen pop uses. */
const FIRST_PAGE = 30;

interface Key {
  kind: 'contact' | 'note' | 'case_opened';
  id: string;
}

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
      // The same three index-ordered branches as customers.history, merged and cut to one page.
      keys: raw.prepare<{ customer: string; limit: number }, Key>(`
        select * from (
          select 'contact' as kind, id, started_at as at from contacts
            where customer_id = @customer order by started_at desc, id desc limit @limit)
        union all
        select * from (
          select 'note' as kind, id, created_at as at from notes
            where customer_id = @customer and contact_id is null order by created_at desc, id desc limit @limit)
        union all
        select * from (
          select 'case_opened' as kind, id, opened_at as at from cases
            where customer_id = @customer order by opened_at desc, id desc limit @limit)
        order by at desc, id desc
        limit @limit`),
      contact: raw.prepare<[string], { agent_id: string }>('select * from contacts where id = ?'),
      links: raw.prepare<[string], { case_id: string }>('select case_id from contact_cases where contact_id = ?'),
      notesOfContact: raw.prepare<[string], { author_id: string }>('select * from notes where contact_id = ? order by created_at'),
      note: raw.prepare<[string], { author_id: string; case_id: string | null }>('select * from notes where id = ?'),
      case: raw.prepare<[string], { opened_by: string }>('select * from cases where id = ?'),
      caseRef: raw.prepare<[string], { id: string }>('select id, number, title from cases where id = ?'),
      agent: raw.prepare<[string], { id: string }>('select id, name, employee_no from agents where id = ?'),
    };

    const once = (customerE164: string, expected: string) => {
      const hit = q.byPhone.get(customerE164);
      if (hit?.customer_id !== expected) throw new Error(`The floor lookup of ${customerE164} did not find customer ${expected}.`);
      q.customer.get(hit.customer_id);
      q.phones.all(hit.customer_id);
      // One row more than the page, as core asks for, to know whether there is a next page.
      for (const key of q.keys.all({ customer: hit.customer_id, limit: FIRST_PAGE + 1 }).slice(0, FIRST_PAGE)) {
        if (key.kind === 'contact') {
          const contact = q.contact.get(key.id);
          if (contact) q.agent.get(contact.agent_id);
          for (const link of q.links.all(key.id)) q.caseRef.get(link.case_id);
          for (const note of q.notesOfContact.all(key.id)) q.agent.get(note.author_id);
        } else if (key.kind === 'note') {
          const note = q.note.get(key.id);
          if (note) q.agent.get(note.author_id);
          if (note?.case_id) q.caseRef.get(note.case_id);
        } else {
          const opened = q.case.get(key.id);
          if (opened) q.agent.get(opened.opened_by);
        }
      }
    };

    const timed = await timeEach(ctx.sampleCustomers(ctx.warmup, ctx.seed + 1), ctx.sampleCustomers(ctx.iterations, ctx.seed), (customer) =>
      once(customer.e164, customer.customerId),
    );
    return timed;
  },
};
