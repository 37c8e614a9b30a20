import { z } from 'zod';
import { AgentRef } from './entities';
import { CaseCategory, CasePriority, Id, IsoTime, Role, Tier } from './values';

/** A confirmation may run to three SMS segments; past that, many handsets and gateways split or drop it. */
export const SMS_MAX_SEGMENTS = 3;

/**
 * How many SMS segments a text takes: 160 (153 when concatenated) plain ASCII characters per
 * segment, but only 70 (67) once any Chinese or other non-ASCII character is in it (UCS-2).
 */
export function smsSegments(text: string): number {
  const length = [...text].length;
  const ucs2 = /[^\x00-\x7F]/.test(text);
  const single = ucs2 ? 70 : 160;
  const multi = ucs2 ? 67 : 153;
  return length <= single ? 1 : Math.ceil(length / multi);
}
/** The promise itself, in the words the customer will read. */
export const WORDING_MAX_CHARS = 140;

export const OfferKind = z.enum(['extension', 'conversion', 'refund', 'goodwill']);
export type OfferKind = z.infer<typeof OfferKind>;
export const OfferStatus = z.enum(['allowed', 'needs_approval', 'not_allowed']);
export type OfferStatus = z.infer<typeof OfferStatus>;

/** Facts the policy tables read. Core derives all it can; the agent supplies only what it cannot know. */
export const PolicyFacts = z.object({
  category: CaseCategory,
  priority: CasePriority,
  tier: Tier,
  level: z.number().int(),
  role: Role,
  complaint: z.boolean(),
  contacts7d: z.number().int(),
  daysOpen: z.number().int(),
  brokenPromises: z.number().int(),
  overduePromises: z.number().int(),
  incidentCaused: z.boolean(),
  regulatorMentioned: z.boolean(),
  voucherValue: z.number(),
  prepaidAmount: z.number(),
  voucherExpiresAt: IsoTime.nullable(),
  aboveAuthority: z.boolean(),
});
export type PolicyFacts = z.infer<typeof PolicyFacts>;

/** What the agent may add to the derived facts (the system cannot know them). */
export const SuppliedFacts = z
  .object({
    voucherValue: z.number().min(0, 'negative').max(100_000).optional(),
    prepaidAmount: z.number().min(0, 'negative').max(100_000).optional(),
    regulatorMentioned: z.boolean().optional(),
  })
  .strict();
export type SuppliedFacts = z.infer<typeof SuppliedFacts>;

export const Offer = z.object({
  offer: OfferKind,
  status: OfferStatus,
  limit: z.number(),
  unit: z.enum(['days', 'yuan']),
  approver: z.string().nullable(),
  reasonZh: z.string(),
  reasonEn: z.string(),
  ruleId: z.string(),
  /** The caller's own authority limit for this kind of grant. */
  authorityLimit: z.number(),
});
export type Offer = z.infer<typeof Offer>;

export const Sla = z.object({
  firstResponseHours: z.number(),
  callbackHours: z.number(),
  resolutionHours: z.number(),
  graceHours: z.number(),
  /** How often a commitment on such a case may be moved to a new deadline. */
  rescheduleLimit: z.number().int(),
  /** How far past its first deadline a commitment may be moved, in hours. */
  rescheduleMaxHours: z.number(),
  /** How long an escalation may wait at each level before it is in breach, in hours. */
  level1Hours: z.number(),
  level2Hours: z.number(),
  level3Hours: z.number(),
});
export type Sla = z.infer<typeof Sla>;

export const EscalationTrigger = z.object({ level: z.number().int(), reason: z.string() });

/** One policy answer: the same facts under the same bundle always give the same answer. */
export const PolicyAnswer = z.object({
  bundleVersion: z.string(),
  facts: PolicyFacts,
  sla: Sla,
  offers: z.array(Offer),
  escalation: z.object({ escalate: z.boolean(), level: z.number().int(), triggers: z.array(EscalationTrigger) }),
  ruleIds: z.record(z.string(), z.array(z.string())),
  /** The facts taken from the agent because the record had none; the rest are the record's. */
  supplied: SuppliedFacts,
});
export type PolicyAnswer = z.infer<typeof PolicyAnswer>;

export const Decision = z.object({
  id: Id,
  caseId: Id,
  actor: AgentRef,
  action: z.string(),
  bundleVersion: z.string(),
  facts: z.record(z.string(), z.unknown()),
  ruleIds: z.record(z.string(), z.array(z.string())),
  answer: z.unknown(),
  /** Which of the facts the deciding agent supplied rather than the record holding them. */
  supplied: SuppliedFacts,
  createdAt: IsoTime,
});
export type Decision = z.infer<typeof Decision>;

export const CommitmentKind = z.enum(['callback', 'extension', 'conversion', 'refund', 'goodwill', 'information', 'other']);
export type CommitmentKind = z.infer<typeof CommitmentKind>;
export const CommitmentStatus = z.enum(['open', 'kept', 'broken', 'cancelled']);
export type CommitmentStatus = z.infer<typeof CommitmentStatus>;

export const Commitment = z.object({
  id: Id,
  caseId: Id,
  caseNumber: z.string(),
  customerId: Id,
  kind: CommitmentKind,
  wording: z.string(),
  amount: z.number().nullable(),
  owner: AgentRef,
  dueAt: IsoTime,
  graceHours: z.number(),
  status: CommitmentStatus,
  decisionId: Id.nullable(),
  createdAt: IsoTime,
  resolvedAt: IsoTime.nullable(),
  resolutionReason: z.string().nullable(),
  /** open and past due (but not yet broken). */
  overdue: z.boolean(),
  /** open and due within the next 24 hours. */
  dueSoon: z.boolean(),
});
export type Commitment = z.infer<typeof Commitment>;

export const MessageStatus = z.enum(['queued', 'sent', 'failed']);
export const CustomerMessage = z.object({
  id: Id,
  caseId: Id,
  commitmentId: Id.nullable(),
  template: z.string(),
  locale: z.enum(['zh-CN', 'en']),
  to: z.string(),
  body: z.string(),
  status: MessageStatus,
  gateway: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: IsoTime,
  sentAt: IsoTime.nullable(),
});
export type CustomerMessage = z.infer<typeof CustomerMessage>;

/**
 * open: raised, nobody has taken it; accepted: someone at its level owns it; escalated: sent up a
 * level, waiting there; approved/denied: decided; resolved: done with (an approval used, or handled).
 */
export const EscalationStatus = z.enum(['open', 'accepted', 'approved', 'denied', 'resolved', 'escalated']);
export type EscalationStatus = z.infer<typeof EscalationStatus>;
/** States where an escalation still waits on someone: the queue's rows, a request still pending. */
export const ACTIVE_ESCALATION_STATES: readonly EscalationStatus[] = ['open', 'accepted', 'escalated'];
/** What a person may do to an escalation; which state each leads to is core's transition table. */
export const EscalationAction = z.enum(['accept', 'approve', 'deny', 'reassign', 'deescalate', 'escalate', 'resolve']);
export type EscalationAction = z.infer<typeof EscalationAction>;
/** The top escalation level: the complaint centre. */
export const TOP_LEVEL = 3;
/**
 * Who works each escalation level: 1 agents, 2 supervisors, 3 the complaint centre; each level's
 * people also work the levels below theirs, and administrators every level. Core enforces it inside
 * the write; the UI reads it only to offer what would not be refused.
 */
export const LEVEL_WORKERS: Readonly<Record<number, readonly Role[]>> = {
  1: ['agent', 'supervisor', 'complaint_centre', 'admin'],
  2: ['supervisor', 'complaint_centre', 'admin'],
  3: ['complaint_centre', 'admin'],
};
export function worksLevel(role: Role, level: number): boolean {
  return LEVEL_WORKERS[Math.min(Math.max(level, 1), TOP_LEVEL)]!.includes(role);
}
/** Values the renderer words a system-raised escalation's detail with (a conduct complaint, a low score). */
export const EscalationDetailParams = z.record(z.string(), z.union([z.string(), z.number()]));
export const Escalation = z.object({
  id: Id,
  caseId: Id,
  caseNumber: z.string(),
  customerId: Id,
  customerName: z.string(),
  level: z.number().int(),
  reason: z.string(),
  detail: z.string(),
  /** When set, the detail is worded by the UI from `reason` and these values, in its language. */
  detailParams: EscalationDetailParams.nullable(),
  offer: OfferKind.nullable(),
  amount: z.number().nullable(),
  status: EscalationStatus,
  commitmentId: Id.nullable(),
  raisedBy: AgentRef,
  /** The team of whoever raised it (the queue's team filter); null when they have none. */
  team: z.string().nullable(),
  /** Who took it (accept or reassign); null while nobody at its level has. */
  owner: AgentRef.nullable(),
  decidedBy: AgentRef.nullable(),
  /** What was decided, kept once it is resolved; null until someone approves or denies it. */
  decision: z.enum(['approved', 'denied']).nullable(),
  /** What the supervisor wrote when deciding, for the agent who asked. */
  decisionNote: z.string().nullable(),
  /** Facts the requester supplied rather than the record holding them, for the approver to weigh. */
  supplied: SuppliedFacts,
  createdAt: IsoTime,
  decidedAt: IsoTime.nullable(),
  /** When its current level's time limit (policy, sla table) runs out; set when raised and on every level change. */
  dueAt: IsoTime,
  /** The regulator's 15-day answer limit when the case is a complaint; null otherwise. */
  regulatorDueAt: IsoTime.nullable(),
});
export type Escalation = z.infer<typeof Escalation>;

export const BriefCommitments = z.object({
  open: z.array(Commitment),
  dueSoon: z.array(Commitment),
  overdue: z.array(Commitment),
  broken: z.array(Commitment),
});
export type BriefCommitments = z.infer<typeof BriefCommitments>;
