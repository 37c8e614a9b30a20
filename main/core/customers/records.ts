import type { Kysely } from 'kysely';
import { AppError } from '../../../shared';
import type { DB } from '../../db';
import { defineMutation } from '../mutations/types';
import { indexEntity } from '../search/index-entities';

const EDITABLE = ['name', 'tier'] as const;

/** Name and tier, against the version the agent saw; the field changes are audited old → new. */
export const updateCustomer = defineMutation('customers.update', {
  async apply(trx, args) {
    const row = await trx.selectFrom('customers').selectAll().where('id', '=', args.id).executeTakeFirst();
    if (!row) throw new AppError('not_found', `No customer ${args.id}.`, [{ path: 'id', message: 'not_found' }]);
    if (row.version !== args.version)
      throw new AppError(
        'conflict',
        `${row.name}'s record was changed by someone else (version ${row.version}, you had ${args.version}). Reload and try again.`,
        [{ path: 'version', message: 'stale_version' }],
      );
    const changes = EDITABLE.flatMap((field) =>
      args[field] !== undefined && args[field] !== row[field] ? [{ field, from: row[field], to: args[field] }] : [],
    );
    if (changes.length === 0) return [];
    await bump(trx, args.id, row.version, args.at, Object.fromEntries(changes.map((c) => [c.field, c.to])));
    if (changes.some((c) => c.field === 'name')) await indexEntity(trx, 'customer_grams', args.id);
    return [{ entity: 'customer', id: args.id, customerId: args.id, data: { changes, version: row.version + 1 } }];
  },
});

/** Another number the customer calls from. Already theirs: nothing to do. Someone else's: a conflict that names it. */
export const addCustomerPhone = defineMutation('customers.addPhone', {
  async apply(trx, args) {
    const customer = await requireRecord(trx, args.customerId);
    const owner = await trx.selectFrom('customer_phones').select('customer_id').where('e164', '=', args.phone).executeTakeFirst();
    if (owner?.customer_id === args.customerId) return [];
    if (owner)
      throw new AppError('conflict', `The number ${args.phone} already belongs to another customer.`, [
        { path: 'phone', message: 'phone_taken' },
      ]);
    await trx
      .insertInto('customer_phones')
      .values({ e164: args.phone, customer_id: args.customerId, label: args.label, created_at: args.at })
      .execute();
    await bump(trx, args.customerId, customer.version, args.at, {});
    return [{ entity: 'customer', id: args.customerId, customerId: args.customerId, data: { phoneAdded: args.phone, label: args.label } }];
  },
});

/** A number the customer no longer has. Every customer keeps at least one, or no call could find them. */
export const removeCustomerPhone = defineMutation('customers.removePhone', {
  async apply(trx, args) {
    const customer = await requireRecord(trx, args.customerId);
    const phones = await trx.selectFrom('customer_phones').select('e164').where('customer_id', '=', args.customerId).execute();
    if (!phones.some((p) => p.e164 === args.phone))
      throw new AppError('not_found', `${args.phone} is not one of this customer's numbers.`, [{ path: 'phone', message: 'not_found' }]);
    if (phones.length === 1)
      throw new AppError('invalid_input', 'A customer keeps at least one number.', [{ path: 'phone', message: 'last_phone' }]);
    await trx.deleteFrom('customer_phones').where('e164', '=', args.phone).where('customer_id', '=', args.customerId).execute();
    await bump(trx, args.customerId, customer.version, args.at, {});
    return [{ entity: 'customer', id: args.customerId, customerId: args.customerId, data: { phoneRemoved: args.phone } }];
  },
});

async function requireRecord(trx: Kysely<DB>, id: string): Promise<{ version: number }> {
  const row = await trx.selectFrom('customers').select('version').where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No customer ${id}.`, [{ path: 'customerId', message: 'not_found' }]);
  return row;
}

/** Every change to the record moves its version on, so an edit made against the old one is caught. */
async function bump(
  trx: Kysely<DB>,
  id: string,
  version: number,
  at: string,
  set: Partial<Pick<DB['customers'], 'name' | 'tier'>>,
): Promise<void> {
  await trx
    .updateTable('customers')
    .set({ ...set, updated_at: at, version: version + 1 })
    .where('id', '=', id)
    .execute();
}
