import { z } from 'zod';
import { AgentRef, CaseDetail, CaseRef, CaseSummary, CustomerSummary } from './entities';
import { BriefCommitments, Commitment, CustomerMessage, Decision, Escalation } from './policy';
import { CaseCategory, Channel, Direction, Id, IsoTime } from './values';

/** A short fact pinned to the top of a customer's story, e.g. "3/18 went to the outlet: out of stock". */
export const PinnedFact = z.object({
  id: Id,
  customerId: Id,
  caseId: Id.nullable(),
  noteId: Id.nullable(),
  body: z.string(),
  author: AgentRef,
  createdAt: IsoTime,
});
export type PinnedFact = z.infer<typeof PinnedFact>;

/** A known problem on our side (an outage, a stock-out) with the words agents may say about it. */
export const Incident = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  categories: z.array(CaseCategory),
  guidance: z.string(),
  startsAt: IsoTime,
  endsAt: IsoTime.nullable(),
  active: z.boolean(),
});
export type Incident = z.infer<typeof Incident>;

/** Repeat contact: 2+ contacts about one open case in 7 days is a flag, 3+ a strong one. */
export const RepeatLevel = z.enum(['none', 'repeat', 'strong']);
export type RepeatLevel = z.infer<typeof RepeatLevel>;

export const BriefCase = CaseSummary.extend({
  ageHours: z.number(),
  contacts7d: z.number().int(),
  repeat: RepeatLevel,
  incidentIds: z.array(Id),
});
export type BriefCase = z.infer<typeof BriefCase>;

export const BriefContact = z.object({
  id: Id,
  at: IsoTime,
  channel: Channel,
  direction: Direction,
  agent: AgentRef,
  gist: z.string(),
  cases: z.array(CaseRef),
});
export type BriefContact = z.infer<typeof BriefContact>;

/** Everything an agent needs before saying hello, in one read. */
export const Brief = z.object({
  customer: CustomerSummary,
  openCases: z.array(BriefCase),
  pinnedFacts: z.array(PinnedFact),
  lastContacts: z.array(BriefContact),
  incidents: z.array(Incident),
  /** What we promised: open, due within a day, overdue, and broken (these must be impossible to miss). */
  commitments: BriefCommitments,
  contacts7d: z.number().int(),
  generatedAt: IsoTime,
});
export type Brief = z.infer<typeof Brief>;

/** One field changed on a case, read back from the audit log. */
export const CaseChange = z.object({
  at: IsoTime,
  actor: AgentRef,
  field: z.string(),
  from: z.unknown(),
  to: z.unknown(),
});
export type CaseChange = z.infer<typeof CaseChange>;

export const CaseView = CaseDetail.extend({
  changes: z.array(CaseChange),
  incidents: z.array(Incident),
  pinnedFacts: z.array(PinnedFact),
  commitments: z.array(Commitment),
  messages: z.array(CustomerMessage),
  decisions: z.array(Decision),
  escalations: z.array(Escalation),
  /** The regulator's 15-day answer limit (from opening) when the case is a complaint; null otherwise. */
  regulatorDueAt: IsoTime.nullable(),
});
export type CaseView = z.infer<typeof CaseView>;

/** [start, end) character offsets of a match inside `text`, for highlighting as plain text. */
export const Highlight = z.tuple([z.number().int(), z.number().int()]);

export const SearchHit = z.object({ text: z.string(), highlights: z.array(Highlight) });

export const SearchResults = z.object({
  customers: z.array(z.object({ customer: CustomerSummary, name: SearchHit, phone: SearchHit })),
  cases: z.array(z.object({ case: CaseSummary, customerId: Id, customerName: z.string(), number: SearchHit, title: SearchHit })),
  notes: z.array(
    z.object({
      noteId: Id,
      customerId: Id,
      customerName: z.string(),
      caseRef: CaseRef.nullable(),
      author: AgentRef,
      createdAt: IsoTime,
      snippet: SearchHit,
    }),
  ),
});
export type SearchResults = z.infer<typeof SearchResults>;
