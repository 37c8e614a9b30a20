import type { Kysely } from 'kysely';
import { AppError, type Customer, type CustomerSummary } from '../../../shared';
import type { DB } from '../../db';
import { defineMutation } from '../mutations/types';
import { indexEntity } from '../search/index-entities';
import { customerSummaries, toCaseSummary } from '../read-models';

export const createCustomer = defineMutation('customers.create', {
  async apply(trx, args) {
    const taken = await trx.selectFrom('customer_phones').select('customer_id').where('e164', '=', args.phone).executeTakeFirst();
    if (taken)
      throw new AppError('conflict', `The number ${args.phone} already belongs to another customer.`, [
        { path: 'phone', message: 'phone_taken' },
      ]);
    await trx
      .insertInto('customers')
      .values({ id: args.id, name: args.name, tier: args.tier, created_at: args.at, updated_at: args.at, version: 1 })
      .execute();
    await trx.insertInto('customer_phones').values({ e164: args.phone, customer_id: args.id, label: null, created_at: args.at }).execute();
    await indexEntity(trx, 'customer_grams', args.id);
    return [{ entity: 'customer', id: args.id, customerId: args.id }];
  },
});

/** Screen pop: one indexed read on the phone's primary key. */
export async function lookupByPhone(db: Kysely<DB>, e164: string): Promise<CustomerSummary | null> {
  const row = await db.selectFrom('customer_phones').select('customer_id').where('e164', '=', e164).executeTakeFirst();
  if (!row) return null;
  return (await customerSummaries(db, [row.customer_id])).get(row.customer_id) ?? null;
}

export async function getCustomer(db: Kysely<DB>, id: string): Promise<Customer> {
  const [summary, row, cases] = await Promise.all([
    customerSummaries(db, [id]).then((m) => m.get(id)),
    db.selectFrom('customers').select(['created_at', 'version']).where('id', '=', id).executeTakeFirst(),
    db.selectFrom('cases').selectAll().where('customer_id', '=', id).orderBy('opened_at', 'desc').orderBy('id', 'desc').execute(),
  ]);
  if (!summary || !row) throw new AppError('not_found', `No customer ${id}.`);
  return { ...summary, createdAt: row.created_at, version: row.version, cases: cases.map(toCaseSummary) };
}
