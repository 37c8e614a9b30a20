import { z } from 'zod';
import { CaseCategory, CasePriority, CaseStatus, Channel, Direction, Id, IsoTime, Level, Role, Tier } from './values';

export const Agent = z.object({
  id: Id,
  employeeNo: z.string(),
  name: z.string(),
  role: Role,
});
export type Agent = z.infer<typeof Agent>;

export const CustomerPhone = z.object({ e164: z.string(), label: z.string().nullable() });

export const CaseSummary = z.object({
  id: Id,
  number: z.string(),
  title: z.string(),
  category: CaseCategory,
  status: CaseStatus,
  priority: CasePriority,
  level: Level,
  openedAt: IsoTime,
  updatedAt: IsoTime,
  version: z.number().int(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CustomerSummary = z.object({
  id: Id,
  name: z.string(),
  tier: Tier,
  phones: z.array(CustomerPhone),
});
export type CustomerSummary = z.infer<typeof CustomerSummary>;

export const Customer = CustomerSummary.extend({
  createdAt: IsoTime,
  /** Changes go against it: a stale version is a conflict. */
  version: z.number().int().positive(),
  cases: z.array(CaseSummary),
});
export type Customer = z.infer<typeof Customer>;

export const AgentRef = z.object({ id: Id, name: z.string(), employeeNo: z.string() });
export type AgentRef = z.infer<typeof AgentRef>;

export const CaseRef = z.object({ id: Id, number: z.string(), title: z.string() });
export type CaseRef = z.infer<typeof CaseRef>;

export const Note = z.object({
  id: Id,
  customerId: Id,
  caseId: Id.nullable(),
  contactId: Id.nullable(),
  author: AgentRef,
  body: z.string(),
  createdAt: IsoTime,
});
export type Note = z.infer<typeof Note>;

export const Contact = z.object({
  id: Id,
  customerId: Id,
  agent: AgentRef,
  channel: Channel,
  direction: Direction,
  startedAt: IsoTime,
  cases: z.array(CaseRef),
  notes: z.array(Note),
});
export type Contact = z.infer<typeof Contact>;

export const CaseDetail = CaseSummary.extend({
  customerId: Id,
  openedBy: AgentRef,
  notes: z.array(Note),
  contacts: z.array(Contact),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** One entry of a customer's story, newest first: a call (with its notes), a note, or a case opened. */
export const HistoryItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('contact'), at: IsoTime, contact: Contact }),
  z.object({ kind: z.literal('note'), at: IsoTime, note: Note, case: CaseRef.nullable() }),
  z.object({ kind: z.literal('case_opened'), at: IsoTime, case: CaseSummary, openedBy: AgentRef }),
]);
export type HistoryItem = z.infer<typeof HistoryItem>;

export const AuditReport = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBad: z
    .object({
      /** The first bad row's position in the chain (for `truncated`, the first position missing). */
      seq: z.number().int(),
      reason: z.enum(['hash_mismatch', 'broken_link', 'truncated']),
      /** The bad row as stored, when there is one (not for `truncated`): when, which write, on what. */
      row: z.object({ at: z.string(), mutationId: z.string(), action: z.string(), entity: z.string(), entityId: z.string() }).optional(),
    })
    .nullable(),
});
export type AuditReport = z.infer<typeof AuditReport>;
