import { z } from 'zod';
import {
  Commitment,
  CommitmentKind,
  CustomerMessage,
  Decision,
  Escalation,
  EscalationStatus,
  OfferKind,
  PolicyAnswer,
  SuppliedFacts,
  WORDING_MAX_CHARS,
} from '../../domain/policy';
import { AgentRef } from '../../domain/entities';
import { Id, IsoTime, Text } from '../../domain/values';
import { ANY_ROLE, LEADS, procedure } from '../spec';

export const Locale = z.enum(['zh-CN', 'en']);

/** Policy answers, commitments and their written confirmations, escalations and their decisions. */
export const promiseProcedures = {
  'policy.evaluate': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({ caseId: Id, supplied: SuppliedFacts.default({}) }).strict(),
    output: PolicyAnswer,
  }),
  'policy.bundle': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({}).strict(),
    output: z.object({ version: z.string(), tables: z.array(z.string()) }),
  }),
  'commitments.create': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z
      .object({
        caseId: Id,
        kind: CommitmentKind,
        wording: Text(WORDING_MAX_CHARS),
        /** Defaults from the sla table: the callback window for a callback, the resolution time otherwise. */
        dueAt: IsoTime.optional(),
        /** Yuan for money, days for an extension. */
        amount: z.number().int('whole_number').min(0, 'negative').max(100_000, 'too_large').optional(),
        /** The offer this commitment grants; policy and authority are checked against it. */
        fromOffer: OfferKind.optional(),
        supplied: SuppliedFacts.default({}),
        locale: Locale.default('zh-CN'),
      })
      .strict(),
    output: z.object({ commitment: Commitment, message: CustomerMessage, decision: Decision.nullable() }),
  }),
  'commitments.resolve': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z.object({ id: Id, status: z.enum(['kept', 'cancelled']), reason: Text(200), locale: Locale.default('zh-CN') }).strict(),
    output: z.object({ commitment: Commitment, message: CustomerMessage }),
  }),
  /** A new deadline the customer agreed to, with why; the customer is told the new one in writing. */
  'commitments.reschedule': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z.object({ id: Id, dueAt: IsoTime, reason: Text(200), locale: Locale.default('zh-CN') }).strict(),
    output: z.object({ commitment: Commitment, message: CustomerMessage }),
  }),
  'commitments.list': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({ caseId: Id.optional(), customerId: Id.optional() }).strict(),
    output: z.array(Commitment),
  }),
  'messages.list': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({ caseId: Id }).strict(),
    output: z.array(CustomerMessage),
  }),
  'decisions.list': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({ caseId: Id }).strict(),
    output: z.array(Decision),
  }),
  'escalations.request': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z
      .object({
        caseId: Id,
        offer: OfferKind,
        amount: z.number().int('whole_number').min(0, 'negative').max(100_000, 'too_large'),
        reason: Text(500),
        supplied: SuppliedFacts.default({}),
      })
      .strict(),
    output: Escalation,
  }),
  /** Approve or deny (a denial needs a note saying why); beyond the decider's authority it goes up a level. */
  'escalations.decide': procedure({
    kind: 'mutation',
    roles: LEADS,
    input: z.object({ id: Id, approve: z.boolean(), note: Text(500).optional() }).strict(),
    output: Escalation,
  }),
  /** Any case, by hand, with why: a level-2 escalation for the supervisors. */
  'escalations.raise': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z.object({ caseId: Id, reason: Text(500) }).strict(),
    output: Escalation,
  }),
  /** Take ownership, at a level the caller works. */
  'escalations.accept': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z.object({ id: Id }).strict(),
    output: Escalation,
  }),
  /** Give it to another person who works its level. */
  'escalations.reassign': procedure({
    kind: 'mutation',
    roles: LEADS,
    input: z.object({ id: Id, toId: Id, note: Text(500).optional() }).strict(),
    output: Escalation,
  }),
  /** Back down a level, with why. */
  'escalations.deescalate': procedure({
    kind: 'mutation',
    roles: LEADS,
    input: z.object({ id: Id, note: Text(500) }).strict(),
    output: Escalation,
  }),
  /** Straight to the complaint centre (level 3), with why. */
  'escalations.sendToLevel3': procedure({
    kind: 'mutation',
    roles: LEADS,
    input: z.object({ id: Id, note: Text(500) }).strict(),
    output: Escalation,
  }),
  /** Done with: handled, or a decision that needs nothing more. */
  'escalations.resolve': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z.object({ id: Id, note: Text(500).optional() }).strict(),
    output: Escalation,
  }),
  /** Who may take this escalation over at its level (for reassigning), active accounts only. */
  'escalations.assignees': procedure({
    kind: 'query',
    roles: LEADS,
    input: z.object({ id: Id }).strict(),
    output: z.array(AgentRef),
  }),
  'escalations.list': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z
      .object({
        caseId: Id.optional(),
        status: EscalationStatus.optional(),
        /** Only those still waiting on someone: open, accepted or escalated. */
        active: z.boolean().optional(),
      })
      .strict(),
    output: z.array(Escalation),
  }),
} as const;
