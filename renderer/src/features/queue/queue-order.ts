import type { Escalation } from '../../../../shared';

/** The regulator gives an operator 15 days to answer a complaint, counted from when the case opened. */
export const REGULATOR_LIMIT_HOURS = 15 * 24;

/**
 * How long an open escalation may wait at its level before it is in breach. The policy bundle has
 * no time limit per level yet, and reading each case's SLA (`policy.evaluate`) per row is not cheap,
 * so the queue counts the age since the escalation was raised against these limits (a supervisor
 * answers within a working day, the complaint centre within three).
 */
export const LEVEL_LIMIT_HOURS: Readonly<Record<number, number>> = { 1: 8, 2: 24, 3: 72 };
const DEFAULT_LIMIT_HOURS = 24;

/** Reasons that make a row a complaint, on the regulator's 15-day clock. */
const COMPLAINT_REASONS: ReadonlySet<string> = new Set(['regulator', 'conduct', 'conduct_complaint']);

export function isComplaint(e: Pick<Escalation, 'reason' | 'level'>): boolean {
  return COMPLAINT_REASONS.has(e.reason) || e.level >= 3;
}

const HOUR = 3_600_000;

export function ageHours(e: Pick<Escalation, 'createdAt'>, now: number): number {
  return Math.max(0, (now - Date.parse(e.createdAt)) / HOUR);
}

/** Hours left of the regulator's limit for a complaint opened at `openedAt` (negative once past it). */
export function regulatorHoursLeft(openedAt: string, now: number): number {
  return REGULATOR_LIMIT_HOURS - (now - Date.parse(openedAt)) / HOUR;
}

/**
 * Hours left before this escalation is in breach (negative: in breach for that long): the level's
 * limit less its age, or for a complaint whose case opening is known the regulator's limit if sooner.
 */
export function hoursLeft(e: Pick<Escalation, 'createdAt' | 'level' | 'reason'>, now: number, caseOpenedAt?: string): number {
  const levelLeft = (LEVEL_LIMIT_HOURS[e.level] ?? DEFAULT_LIMIT_HOURS) - ageHours(e, now);
  if (caseOpenedAt && isComplaint(e)) return Math.min(levelLeft, regulatorHoursLeft(caseOpenedAt, now));
  return levelLeft;
}

/** Most at risk first (least time left); the same time left, the older one first; then by id for a stable order. */
export function byBreachRisk<E extends Pick<Escalation, 'id' | 'createdAt' | 'level' | 'reason'>>(
  escalations: readonly E[],
  now: number,
  openedAt: ReadonlyMap<string, string> = new Map(),
  caseIdOf: (e: E) => string | undefined = () => undefined,
): E[] {
  const left = new Map(escalations.map((e) => [e.id, hoursLeft(e, now, openedAt.get(caseIdOf(e) ?? ''))]));
  return [...escalations].sort(
    (a, b) =>
      (left.get(a.id) ?? 0) - (left.get(b.id) ?? 0) ||
      Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export interface QueueFilter {
  level: number | null;
  reason: string | null;
  /** Employee id of who raised it. */
  raisedBy: string | null;
}

export const NO_FILTER: QueueFilter = { level: null, reason: null, raisedBy: null };

export function matchesFilter(e: Pick<Escalation, 'level' | 'reason' | 'raisedBy'>, filter: QueueFilter): boolean {
  return (
    (filter.level === null || e.level === filter.level) &&
    (filter.reason === null || e.reason === filter.reason) &&
    (filter.raisedBy === null || e.raisedBy.id === filter.raisedBy)
  );
}

/** The choices each filter offers, from the escalations on the queue (sorted, each once). */
export function filterChoices(escalations: readonly Pick<Escalation, 'level' | 'reason' | 'raisedBy'>[]) {
  const levels = [...new Set(escalations.map((e) => e.level))].sort((a, b) => a - b);
  const reasons = [...new Set(escalations.map((e) => e.reason))].sort();
  const raisers = new Map(escalations.map((e) => [e.raisedBy.id, e.raisedBy]));
  return {
    levels,
    reasons,
    raisers: [...raisers.values()].sort((a, b) => a.employeeNo.localeCompare(b.employeeNo)),
  };
}
