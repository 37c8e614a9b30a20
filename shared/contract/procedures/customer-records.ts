import { z } from 'zod';
import { Customer } from '../../domain/entities';
import { Id, PhoneInput, Text, Tier } from '../../domain/values';
import { ANY_ROLE, procedure } from '../spec';

/** A short label for a number, e.g. 家人 or work; empty means none. */
const PhoneLabel = z
  .string()
  .trim()
  .max(20, 'too_long')
  .transform((label) => label || null)
  .nullish();

/**
 * Keeping a customer's record right: a misspelt name, a new tier, and the numbers they call from.
 * A caller on a new number ("my wife's phone") is attached to the customer they are, so the next
 * call from it pops their story instead of an empty "unknown number".
 */
export const customerRecordProcedures = {
  'customers.update': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z
      .object({
        id: Id,
        /** The version the agent was looking at; a stale one is a conflict, never a silent overwrite. */
        version: z.number().int().positive(),
        name: Text(80).optional(),
        tier: Tier.optional(),
      })
      .strict(),
    output: Customer,
  }),
  'customers.addPhone': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z.object({ customerId: Id, phone: PhoneInput, label: PhoneLabel }).strict(),
    output: Customer,
  }),
  'customers.removePhone': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z.object({ customerId: Id, phone: PhoneInput }).strict(),
    output: Customer,
  }),
} as const;
