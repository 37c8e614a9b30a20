import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError, Channel, type Contact, Direction, Id, IsoTime, NOTE_MAX_CHARS } from '../../shared';
import type { DB } from '../db';
import { requireCustomer } from './cases';
import { defineMutation } from './mutations/types';
import { hydrateContacts } from './read-models';

/** A call (or chat, or visit) with the customer, linked to the cases it was about, with its note. */
export const logContact = defineMutation({
  args: z.object({
    id: Id,
    customerId: Id,
    caseIds: z.array(Id).max(10),
    channel: Channel,
    direction: Direction,
    startedAt: IsoTime,
    note: z.object({ id: Id, body: z.string().min(1).max(NOTE_MAX_CHARS) }).nullable(),
  }),
  async apply(trx, args, m) {
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
    if (caseIds.length > 0)
      await trx
        .insertInto('contact_cases')
        .values(caseIds.map((caseId) => ({ contact_id: args.id, case_id: caseId })))
        .execute();
    if (args.note)
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
    return [{ entity: 'contact', id: args.id, customerId: args.customerId }];
  },
});

export async function getContact(db: Kysely<DB>, id: string): Promise<Contact> {
  const [contact] = await hydrateContacts(db, [id]);
  if (!contact) throw new AppError('not_found', `No contact ${id}.`);
  return contact;
}
