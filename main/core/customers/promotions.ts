import { defineMutation } from '../mutations/types';

/** A promotion the customer joined (what they prepaid, the voucher it gave): facts the policy reads. */
export const recordPromotion = defineMutation('promotions.record', {
  async apply(trx, a) {
    await trx
      .insertInto('customer_promotions')
      .values({
        id: a.id,
        customer_id: a.customerId,
        name: a.name,
        prepaid_amount: a.prepaidAmount,
        voucher_value: a.voucherValue,
        joined_at: a.joinedAt,
        voucher_expires_at: a.voucherExpiresAt,
      })
      .execute();
    return [{ entity: 'customer', id: a.customerId, customerId: a.customerId, data: a }];
  },
});
