import type { Kysely } from 'kysely';

/**
 * Indexes shaped for the screen pop, so a customer's first history page is read from a few
 * adjacent index pages instead of one scattered row per item. Rows are stored in arrival order:
 * without these, one customer's ten calls sit on ten different pages, which is what a cold cache
 * pays for (docs/PERFORMANCE.md).
 * - Calls: the timeline columns ride in the index, so the page of calls needs no row reads.
 * - Notes: keyed by customer, then call, so both the notes written outside a call (`contact_id is
 *   null`) and the notes of the page's calls are one range of the customer's part of the index.
 * - Call ↔ case links: both columns in the index, so the links of a customer's cases need no rows.
 * - Phones: a customer's numbers, in the order they were added, straight from the index.
 * Each replaces a narrower index that is a prefix of it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('contacts_customer_timeline')
    .on('contacts')
    .columns(['customer_id', 'started_at', 'id', 'agent_id', 'channel', 'direction'])
    .execute();
  await db.schema.dropIndex('contacts_customer_started').execute();

  await db.schema.createIndex('notes_customer_contact').on('notes').columns(['customer_id', 'contact_id', 'created_at', 'id']).execute();

  await db.schema.createIndex('contact_cases_case_contact').on('contact_cases').columns(['case_id', 'contact_id']).execute();
  await db.schema.dropIndex('contact_cases_case').execute();

  await db.schema
    .createIndex('customer_phones_customer_added')
    .on('customer_phones')
    .columns(['customer_id', 'created_at', 'e164', 'label'])
    .execute();
  await db.schema.dropIndex('customer_phones_customer').execute();
}
