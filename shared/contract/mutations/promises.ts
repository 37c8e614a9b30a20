import { z } from 'zod';
import { CommitmentKind, OfferKind } from '../../domain/policy';
import { Id, IsoTime } from '../../domain/values';

/** The policy decision behind an action, as decided where the agent acted (re-evaluated by the server on push). */
const DecisionRecord = z.object({
  id: Id,
  caseId: Id,
  customerId: Id,
  bundleVersion: z.string(),
  facts: z.unknown(),
  answer: z.unknown(),
  ruleIds: z.record(z.string(), z.array(z.string())),
  action: z.string(),
});

/** The written confirmation to the customer, composed before minting so every replica queues the same text. */
const QueuedMessage = z.object({
  id: Id,
  template: z.string(),
  locale: z.enum(['zh-CN', 'en']),
  to: z.string(),
  body: z.string(),
});

const RaisedEscalation = z.object({ id: Id, level: z.number().int(), reason: z.string(), detail: z.string() });

/** Commitments (the record of what an agent promised a customer) and escalations (a request to a supervisor). */
export const promiseMutations = {
  /** A commitment, its written confirmation, and the policy decision that authorised it. */
  'commitments.create': z.object({
    id: Id,
    caseId: Id,
    customerId: Id,
    kind: CommitmentKind,
    wording: z.string().min(1),
    amount: z.number().int().nonnegative().nullable(),
    dueAt: IsoTime,
    graceHours: z.number().nonnegative(),
    decision: DecisionRecord.nullable(),
    /** The approved escalation this commitment uses up, when it grants more than the agent's own authority. */
    escalationId: Id.nullable(),
    message: QueuedMessage,
    at: IsoTime,
  }),
  'commitments.resolve': z.object({
    id: Id,
    status: z.enum(['kept', 'cancelled']),
    reason: z.string().min(1),
    message: QueuedMessage,
    at: IsoTime,
  }),
  'commitments.reschedule': z.object({ id: Id, dueAt: IsoTime, reason: z.string().min(1), message: QueuedMessage, at: IsoTime }),
  /** The owner was told the commitment fell due (written by the clock). */
  'commitments.alert': z.object({ id: Id, at: IsoTime }),
  /** Past due and past grace: broken, with the escalation it raises and the decision behind it (written by the clock). */
  'commitments.break': z.object({ id: Id, escalation: RaisedEscalation, decision: DecisionRecord, at: IsoTime }),
  /** An agent asks a supervisor to approve an offer beyond their own authority. */
  'escalations.request': z.object({
    id: Id,
    caseId: Id,
    customerId: Id,
    offer: OfferKind,
    amount: z.number().int().nonnegative(),
    detail: z.string(),
    level: z.number().int(),
    decision: DecisionRecord,
    at: IsoTime,
  }),
  'escalations.decide': z.object({ id: Id, approve: z.boolean(), note: z.string().nullable(), at: IsoTime }),
} as const;
