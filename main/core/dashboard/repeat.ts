import type { Kysely } from 'kysely';
import type { DB } from '../../db';
import { REPEAT_WINDOW_DAYS } from './queries';

const WEEK = REPEAT_WINDOW_DAYS * 86_400_000;

/**
 * Marks a contact just logged as a repeat contact (inbound, with another inbound contact of the same
 * customer in the 7 days before it), in the contact's own transaction, so the dashboard counts repeats
 * with an index range instead of comparing every contact with the ones before. A contact logged late,
 * with a time before contacts already there, does not re-mark those.
 */
export async function markRepeatContact(
  trx: Kysely<DB>,
  contact: { id: string; customerId: string; direction: string; startedAt: string },
): Promise<void> {
  let repeat = 0;
  if (contact.direction === 'inbound') {
    const since = new Date(Date.parse(contact.startedAt) - WEEK).toISOString();
    const previous = await trx
      .selectFrom('contacts')
      .select('id')
      .where('customer_id', '=', contact.customerId)
      .where('direction', '=', 'inbound')
      .where('started_at', '>=', since)
      .where((eb) =>
        eb.or([eb('started_at', '<', contact.startedAt), eb.and([eb('started_at', '=', contact.startedAt), eb('id', '<', contact.id)])]),
      )
      .limit(1)
      .executeTakeFirst();
    repeat = previous ? 1 : 0;
  }
  await trx.updateTable('contacts').set({ is_repeat: repeat }).where('id', '=', contact.id).execute();
}
