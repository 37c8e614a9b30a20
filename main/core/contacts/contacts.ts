import type { Kysely } from 'kysely';
import { AppError, type Contact } from '../../../shared';
import type { DB } from '../../db';
import { requireCustomer } from '../cases/cases';
import { markRepeatContact } from '../dashboard/repeat';
import { defineMutation } from '../mutations/types';
import { around, boundedTime, CALL_PAST_MS, CLOCK_SKEW_MS } from '../time-bounds';
import { hydrateContacts } from '../read-models';
import { indexNote } from '../search/index-note';

/** A call (or chat, or visit) with the customer, linked to the cases it was about, with its note. */
export const logContact = defineMutation('contacts.log', {
  async apply(trx, args, m) {
    // Judged against when the call was logged, so a write delivered later from another desk still passes.
    boundedTime(args.startedAt, around(m.at, CALL_PAST_MS, CLOCK_SKEW_MS), 'startedAt');
    await requireCustomer(trx, args.customerId);
    const caseIds = [...new Set(args.caseIds)];
    if (caseIds.length > 0) {
      const owned = await trx
        .selectFrom('cases')
        .select('id')
        .where('id', 'in', caseIds)
        .where('customer_id', '=', args.customerId)
        .execute();
      if (owned.length !== caseIds.length)
        throw new AppError('invalid_input', 'A linked case does not belong to this customer.', [{ path: 'caseIds', message: 'not_found' }]);
    }
    await trx
      .insertInto('contacts')
      .values({
        id: args.id,
        customer_id: args.customerId,
        agent_id: m.actor,
        channel: args.channel,
        direction: args.direction,
        started_at: args.startedAt,
      })
      .execute();
    await markRepeatContact(trx, { id: args.id, customerId: args.customerId, direction: args.direction, startedAt: args.startedAt });
    if (caseIds.length > 0)
      await trx
        .insertInto('contact_cases')
        .values(caseIds.map((caseId) => ({ contact_id: args.id, case_id: caseId })))
        .execute();
    if (args.note) {
      await trx
        .insertInto('notes')
        .values({
          id: args.note.id,
          customer_id: args.customerId,
          case_id: caseIds[0] ?? null,
          contact_id: args.id,
          author_id: m.actor,
          body: args.note.body,
          created_at: args.startedAt,
          supersedes_id: null,
        })
        .execute();
      await indexNote(trx, args.note.id, args.note.body);
      // Like notes.add: the note is saved, so the draft it came from is done with.
      if (caseIds[0]) await trx.deleteFrom('drafts').where('case_id', '=', caseIds[0]).where('agent_id', '=', m.actor).execute();
    }
    return [{ entity: 'contact', id: args.id, customerId: args.customerId }];
  },
});

/** Links an existing contact to more of the same customer's cases (a call is often about two things). */
export const linkContact = defineMutation('contacts.link', {
  async apply(trx, args) {
    const contact = await trx.selectFrom('contacts').select(['id', 'customer_id']).where('id', '=', args.contactId).executeTakeFirst();
    if (!contact) throw new AppError('not_found', `No contact ${args.contactId}.`, [{ path: 'contactId', message: 'not_found' }]);
    const caseIds = [...new Set(args.caseIds)];
    const owned = await trx
      .selectFrom('cases')
      .select('id')
      .where('id', 'in', caseIds)
      .where('customer_id', '=', contact.customer_id)
      .execute();
    if (owned.length !== caseIds.length)
      throw new AppError('invalid_input', 'A linked case does not belong to this customer.', [{ path: 'caseIds', message: 'not_found' }]);
    const existing = await trx.selectFrom('contact_cases').select('case_id').where('contact_id', '=', args.contactId).execute();
    const fresh = caseIds.filter((id) => !existing.some((e) => e.case_id === id));
    if (fresh.length === 0) return [];
    await trx
      .insertInto('contact_cases')
      .values(fresh.map((caseId) => ({ contact_id: args.contactId, case_id: caseId })))
      .execute();
    return [{ entity: 'contact', id: args.contactId, customerId: contact.customer_id, data: { linked: fresh } }];
  },
});

export async function getContact(db: Kysely<DB>, id: string): Promise<Contact> {
  const [contact] = await hydrateContacts(db, [id]);
  if (!contact) throw new AppError('not_found', `No contact ${id}.`);
  return contact;
}
