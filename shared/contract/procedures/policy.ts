import { z } from 'zod';
import { AgentRef } from '../../domain/entities';
import { Id, IsoTime, Text } from '../../domain/values';
import { ADMINS, procedure } from '../spec';

/** Longest text of one table file an administrator may send (the shipped tables are under 10 000 characters). */
export const POLICY_FILE_MAX_CHARS = 200_000;
export const POLICY_NOTE_MAX_CHARS = 500;
/** How far back simulation re-evaluates recorded decisions. */
export const SIMULATION_DAYS = 30;

/**
 * A draft bundle: table file name (`remedies.json`) → its JDM JSON, as text (typed or pasted) or as the
 * editor's object. Which files must be there and what each must hold is checked in core, which names
 * the file and the problem when it refuses one.
 */
export const DraftFiles = z.record(
  z.string().min(1).max(64),
  z.union([z.string().max(POLICY_FILE_MAX_CHARS, 'too_long'), z.record(z.string(), z.unknown())]),
);
export type DraftFiles = z.infer<typeof DraftFiles>;

/** One published bundle, as the history lists it. */
export const PolicyVersion = z.object({
  id: Id,
  /** sha256 of the canonical tables: what decisions record as their bundle version. */
  version: z.string(),
  publishedAt: IsoTime,
  publishedBy: AgentRef,
  note: z.string(),
});
export type PolicyVersion = z.infer<typeof PolicyVersion>;

/** The bundle in force on this host, with its tables as JDM JSON by file name. */
export const CurrentPolicy = z.object({
  version: z.string(),
  /** `published` when an administrator published it here; `shipped` when it is the bundle the host started with. */
  source: z.enum(['published', 'shipped']),
  published: PolicyVersion.nullable(),
  files: z.record(z.string(), z.unknown()),
});
export type CurrentPolicy = z.infer<typeof CurrentPolicy>;

/** One thing a decision's answer says differently under the draft: an offer, an SLA target or the escalation. */
export const AnswerDifference = z.object({
  /** `goodwill`, `sla.resolutionHours`, `escalation`, … */
  item: z.string(),
  old: z.string(),
  new: z.string(),
});
export type AnswerDifference = z.infer<typeof AnswerDifference>;

export const ChangedDecision = z.object({
  decisionId: Id,
  decidedAt: IsoTime,
  /** What the decision was for, e.g. `commitment.goodwill`. */
  action: z.string(),
  /** The offer the decision granted or asked for, when it was about one. */
  offer: z.string().nullable(),
  /** The bundle version the decision was made (and stays recorded) under. */
  bundleVersion: z.string(),
  caseId: Id,
  caseNumber: z.string(),
  customerId: Id,
  customerName: z.string(),
  differences: z.array(AnswerDifference).min(1),
  /** The rules of the tables the draft changes that fire for the decision's facts: under the bundle in force, and under the draft. */
  oldRules: z.array(z.string()),
  newRules: z.array(z.string()),
});
export type ChangedDecision = z.infer<typeof ChangedDecision>;

export const SimulationResult = z.object({
  currentVersion: z.string(),
  draftVersion: z.string(),
  since: IsoTime,
  /** Decisions re-evaluated (every decision recorded since `since`). */
  evaluated: z.number().int(),
  /** Those whose answer the draft would change. */
  changed: z.number().int(),
  /** The changed decisions, newest first, at most `limit`. */
  decisions: z.array(ChangedDecision),
  /** Changed decisions per item (`goodwill`: 12), over all of them, not only those listed. */
  byItem: z.record(z.string(), z.number().int()),
  elapsedMs: z.number(),
});
export type SimulationResult = z.infer<typeof SimulationResult>;

/** Policy administration: the bundle's tables, simulated against recorded decisions before they are published. */
export const policyProcedures = {
  'policy.current': procedure({
    kind: 'query',
    roles: ADMINS,
    input: z.object({}).strict(),
    output: CurrentPolicy,
  }),
  'policy.versions': procedure({
    kind: 'query',
    roles: ADMINS,
    input: z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.array(PolicyVersion),
  }),
  /** Re-evaluates every decision of the last SIMULATION_DAYS days under the draft; writes nothing. */
  'policy.simulate': procedure({
    kind: 'query',
    roles: ADMINS,
    input: z.object({ files: DraftFiles, limit: z.number().int().min(1).max(2000).default(500) }).strict(),
    output: SimulationResult,
  }),
  /** Makes the draft the bundle in force on every host, audited; refuses a bad bundle naming the file and the problem. */
  'policy.publish': procedure({
    kind: 'mutation',
    roles: ADMINS,
    input: z.object({ files: DraftFiles, note: Text(POLICY_NOTE_MAX_CHARS) }).strict(),
    output: PolicyVersion,
  }),
} as const;
