import { z } from 'zod';
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
