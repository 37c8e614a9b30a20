import { z } from 'zod';
import { AgentRef, CaseRef } from './entities';
import { CaseCategory, Id, IsoTime, Text } from './values';

/** The QA scorecard, in the order a reviewer fills it in. */
export const ScorecardItem = z.enum(['courtesy', 'accuracy', 'ownership', 'promise_discipline']);
export type ScorecardItem = z.infer<typeof ScorecardItem>;
export const SCORECARD: readonly ScorecardItem[] = ScorecardItem.options;

export const REVIEW_COMMENT_MAX_CHARS = 1000;
export const SURVEY_COMMENT_MAX_CHARS = 500;

/** 1 (poor) … 5 (excellent). */
export const Score = z.number().int('whole_number').min(1, 'score_range').max(5, 'score_range');

export const ReviewItemInput = z.object({ item: ScorecardItem, score: Score, comment: Text(REVIEW_COMMENT_MAX_CHARS) }).strict();

export const ReviewItem = z.object({ item: ScorecardItem, score: z.number().int(), comment: z.string() });

export const Review = z.object({
  id: Id,
  contactId: Id,
  contactStartedAt: IsoTime,
  customerId: Id,
  agent: AgentRef,
  reviewer: AgentRef,
  items: z.array(ReviewItem),
  /** The mean of the item scores. */
  score: z.number(),
  comment: z.string(),
  createdAt: IsoTime,
});
export type Review = z.infer<typeof Review>;

export const Survey = z.object({
  id: Id,
  caseId: Id,
  caseNumber: z.string(),
  messageId: Id,
  agent: AgentRef,
  createdAt: IsoTime,
  score: z.number().int().nullable(),
  comment: z.string().nullable(),
  answeredAt: IsoTime.nullable(),
  answeredVia: z.enum(['agent', 'webhook']).nullable(),
  /** True when this answer reopened the case as a level-2 escalation (score ≤ 2). */
  reopened: z.boolean(),
});
export type Survey = z.infer<typeof Survey>;

/** A score at or below this reopens the case for a supervisor. */
export const LOW_CSAT_MAX = 2;

/** The filter every dashboard chart takes. `to` is exclusive. */
export const DashboardRange = z
  .object({
    from: IsoTime,
    to: IsoTime,
    /** A team name; until accounts carry teams it matches no agent. */
    team: z.string().min(1).max(64).optional(),
    /** Only these agents (the owner, resolver or raiser a chart counts by). */
    agentIds: z.array(Id).min(1).max(500).optional(),
  })
  .strict()
  .refine((r) => Date.parse(r.from) < Date.parse(r.to), { message: 'from_after_to', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 366 * 86_400_000, { message: 'range_too_long', path: ['to'] });
export type DashboardRange = z.infer<typeof DashboardRange>;

/** A bar's key, echoed back to `dashboard.cases` to list the cases behind it. */
export const DashboardChart = z.enum(['promisesKept', 'brokenByAgent', 'slaByCategory', 'repeatContacts', 'csatTrend', 'openEscalations']);
export type DashboardChart = z.infer<typeof DashboardChart>;

export const PromisesKeptRow = z.object({
  key: z.string(),
  day: z.string(),
  kept: z.number().int(),
  settled: z.number().int(),
  pct: z.number().nullable(),
});
export const BrokenByAgentRow = z.object({ key: z.string(), agent: AgentRef, broken: z.number().int() });
export const SlaRow = z.object({
  key: z.string(),
  category: CaseCategory,
  resolved: z.number().int(),
  withinSla: z.number().int(),
  pct: z.number().nullable(),
});
export const RepeatContactsRow = z.object({
  key: z.string(),
  day: z.string(),
  inbound: z.number().int(),
  repeats: z.number().int(),
  pct: z.number().nullable(),
});
export const CsatRow = z.object({
  key: z.string(),
  day: z.string(),
  answers: z.number().int(),
  mean: z.number().nullable(),
  low: z.number().int(),
});
export const AgeBucket = z.enum(['lt1d', '1to3d', '3to7d', 'gt7d']);
export const EscalationAgeRow = z.object({ key: z.string(), level: z.number().int(), age: AgeBucket, open: z.number().int() });

export const DashboardCase = CaseRef.extend({ category: CaseCategory, status: z.string(), level: z.number().int() });
