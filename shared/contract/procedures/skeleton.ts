import { z } from 'zod';
import { Brief } from '../../domain/brief';
import { Agent, AuditReport, CaseSummary, Contact, Customer, CustomerSummary, HistoryItem, Note } from '../../domain/entities';
import { CaseCategory, CasePriority, Channel, Direction, Id, IsoTime, NOTE_MAX_CHARS, PhoneInput, Text, Tier } from '../../domain/values';
import { ANY_ROLE, LEADS, procedure } from '../spec';

/** Look a customer up, see every call, write a note. */
export const skeletonProcedures = {
  'session.me': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({}).strict(),
    output: Agent,
  }),
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
  'cases.create': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z
      .object({
        customerId: Id,
        title: Text(120),
        category: CaseCategory,
        priority: CasePriority.default('normal'),
      })
      .strict(),
    output: CaseSummary,
  }),
  'contacts.log': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z
      .object({
        customerId: Id,
        caseIds: z.array(Id).max(10).default([]),
        channel: Channel.default('phone'),
        direction: Direction.default('inbound'),
        startedAt: IsoTime.optional(),
        note: Text(NOTE_MAX_CHARS).optional(),
      })
      .strict(),
    output: Contact,
  }),
  'notes.add': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z.object({ caseId: Id, body: Text(NOTE_MAX_CHARS) }).strict(),
    output: Note,
  }),
  'audit.verify': procedure({
    kind: 'query',
    roles: LEADS,
    input: z.object({}).strict(),
    output: AuditReport,
  }),
} as const;
