import { z } from 'zod';
import { Id, UtcTime, Tier } from '../../domain/values';

/**
 * Customer writes as they travel between desks and the server. Args are fully resolved (ids, the
 * E.164 number, times), so replaying one anywhere writes the same rows.
 */
export const customerMutations = {
  'customers.create': z.object({ id: Id, name: z.string().min(1).max(80), phone: z.string().min(2).max(20), tier: Tier, at: UtcTime }),
  /** Name and tier, against the version the agent saw. */
  'customers.update': z.object({
    id: Id,
    version: z.number().int().positive(),
    name: z.string().min(1).max(80).optional(),
    tier: Tier.optional(),
    at: UtcTime,
  }),
  'customers.addPhone': z.object({ customerId: Id, phone: z.string().min(2).max(20), label: z.string().max(20).nullable(), at: UtcTime }),
  'customers.removePhone': z.object({ customerId: Id, phone: z.string().min(2).max(20), at: UtcTime }),
  /** A promotion the customer joined (what they prepaid, the voucher it gave): facts the policy reads. */
  'promotions.record': z.object({
    id: Id,
    customerId: Id,
    name: z.string().min(1).max(120),
    prepaidAmount: z.number().int().nonnegative(),
    voucherValue: z.number().int().nonnegative(),
    joinedAt: UtcTime,
    voucherExpiresAt: UtcTime.nullable(),
  }),
} as const;
