import { z } from 'zod';
import { CommitmentKind, OfferKind, SuppliedFacts } from '../../domain/policy';
import { Id, UtcTime } from '../../domain/values';

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

/** One step of the escalation workflow by the mutation's actor: the escalation, why (or nothing), when. */
const WorkflowStep = z.object({ id: Id, note: z.string().nullable(), at: UtcTime });

const RaisedEscalation = z.object({ id: Id, level: z.number().int(), reason: z.string(), detail: z.string() });

/** Commitments (the record of what an agent promised a customer) and escalations (a request to a supervisor). */
export const promiseMutations = {
  /**
   * A commitment, its written confirmation, and the policy decision that authorised it. The
   * decision is made where the mutation is applied, inside its transaction, from the record and
   * the facts the agent supplied: the args carry the request, never its verdict.
   */
  'commitments.create': z.object({
    id: Id,
    caseId: Id,
    customerId: Id,
    kind: CommitmentKind,
    /** The offer a grant is made under; must be the commitment's own kind. */
    fromOffer: OfferKind.nullable(),
    wording: z.string().min(1),
    amount: z.number().int().nonnegative().nullable(),
    dueAt: UtcTime,
    supplied: SuppliedFacts,
    /** The id the decision record gets, so a replay writes the same rows. */
    decisionId: Id,
    message: QueuedMessage,
    at: UtcTime,
  }),
  'commitments.resolve': z.object({
    id: Id,
    status: z.enum(['kept', 'cancelled']),
    reason: z.string().min(1),
    message: QueuedMessage,
    at: UtcTime,
  }),
  'commitments.reschedule': z.object({ id: Id, dueAt: UtcTime, reason: z.string().min(1), message: QueuedMessage, at: UtcTime }),
  /** The owner was told the commitment fell due (written by the clock). */
  'commitments.alert': z.object({ id: Id, at: UtcTime }),
  /** Past due and past grace: broken, with the escalation it raises and the decision behind it (written by the clock). */
  'commitments.break': z.object({ id: Id, escalation: RaisedEscalation, decision: DecisionRecord, at: UtcTime }),
  /** An agent asks a supervisor to approve an offer beyond their own authority; policy is judged where applied. */
  'escalations.request': z.object({
    id: Id,
    caseId: Id,
    customerId: Id,
    offer: OfferKind,
    amount: z.number().int().nonnegative(),
    detail: z.string(),
    supplied: SuppliedFacts,
    decisionId: Id,
    at: UtcTime,
  }),
  /** Approve or deny; a decision beyond the decider's authority goes up a level instead. */
  'escalations.decide': z.object({ id: Id, approve: z.boolean(), note: z.string().nullable(), decisionId: Id, at: UtcTime }),
  /** Raised by hand on any case, with why (reason `manual`, level 2). */
  'escalations.raise': z.object({ id: Id, caseId: Id, customerId: Id, detail: z.string().min(1), at: UtcTime }),
  /** The workflow's other steps; which state each leads to is judged where applied (a step down or up needs a note). */
  'escalations.accept': WorkflowStep,
  'escalations.reassign': WorkflowStep.extend({ toId: Id }),
  'escalations.deescalate': WorkflowStep,
  'escalations.sendToLevel3': WorkflowStep,
  'escalations.resolve': WorkflowStep,
} as const;
