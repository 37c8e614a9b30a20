import { z } from 'zod';
import { Brief } from '../../domain/brief';
import { Customer, CustomerSummary, HistoryItem } from '../../domain/entities';
import { Id, IsoTime, PhoneInput, Text, Tier } from '../../domain/values';
import { ANY_ROLE, procedure } from '../spec';

/** A short label for a number, e.g. 家人 or work; empty means none. */
const PhoneLabel = z
  .string()
  .trim()
  .max(20, 'too_long')
  .transform((label) => label || null)
  .nullish();

/**
 * Customers: look-up by the number that rang, the screen pop, the record (name, tier, the numbers
 * they call from), their history and their brief. A caller on a new number ("my wife's phone") is
 * attached to the customer they are, so the next call from it pops their story.
 */
export const customerProcedures = {
  'customers.lookup': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({ phone: PhoneInput }).strict(),
    output: z.object({ phone: z.string(), customer: CustomerSummary.nullable() }),
  }),
  /**
   * The screen pop in one request: by the number that rang or by id (a customer found in search),
   * everything the first screen shows — the customer, the brief, the first page of history and which
   * of the customer's cases hold the caller's drafts.
   */
  'customers.pop': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z
      .object({
        phone: PhoneInput.optional(),
        customerId: Id.optional(),
        historyLimit: z.number().int().min(1).max(100).default(30),
      })
      .strict()
      .refine((v) => (v.phone === undefined) !== (v.customerId === undefined), { message: 'phone_or_customer', path: ['phone'] }),
    output: z.discriminatedUnion('found', [
      z.object({ found: z.literal(false), phone: z.string() }),
      z.object({
        found: z.literal(true),
        phone: z.string().nullable(),
        customer: Customer,
        brief: Brief,
        history: z.object({ items: z.array(HistoryItem), nextCursor: z.string().nullable() }),
        drafts: z.array(z.object({ caseId: Id, updatedAt: IsoTime })),
      }),
    ]),
  }),
  'customers.get': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({ id: Id }).strict(),
    output: Customer,
  }),
  'customers.create': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z.object({ name: Text(80), phone: PhoneInput, tier: Tier.default('standard') }).strict(),
    output: Customer,
  }),
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
  'customers.history': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z
      .object({
        customerId: Id,
        cursor: z.string().max(200).nullish(),
        limit: z.number().int().min(1).max(100).default(30),
      })
      .strict(),
    output: z.object({ items: z.array(HistoryItem), nextCursor: z.string().nullable() }),
  }),
  'customers.brief': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({ customerId: Id }).strict(),
    output: Brief,
  }),
} as const;
