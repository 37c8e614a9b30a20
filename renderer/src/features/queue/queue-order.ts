import type { Escalation } from '../../../../shared';

const HOUR = 3_600_000;
type Timed = Pick<Escalation, 'dueAt' | 'regulatorDueAt'>;

export function ageHours(e: Pick<Escalation, 'createdAt'>, now: number): number {
  return Math.max(0, (now - Date.parse(e.createdAt)) / HOUR);
}

/** Hours left of the regulator's 15 days for a complaint (negative once past it); null when the case is not one. */
export function regulatorHoursLeft(e: Pick<Escalation, 'regulatorDueAt'>, now: number): number | null {
  return e.regulatorDueAt === null ? null : (Date.parse(e.regulatorDueAt) - now) / HOUR;
}

/**
 * Hours left before this escalation is in breach (negative: in breach for that long): until its
 * level's limit (`dueAt`, set by core from policy), or the regulator's limit for a complaint if sooner.
 */
export function hoursLeft(e: Timed, now: number): number {
  const levelLeft = (Date.parse(e.dueAt) - now) / HOUR;
  const regulatorLeft = regulatorHoursLeft(e, now);
  return regulatorLeft === null ? levelLeft : Math.min(levelLeft, regulatorLeft);
}

/** Most at risk first (least time left); the same time left, the older one first; then by id for a stable order. */
export function byBreachRisk<E extends Pick<Escalation, 'id' | 'createdAt'> & Timed>(escalations: readonly E[], now: number): E[] {
  const left = new Map(escalations.map((e) => [e.id, hoursLeft(e, now)]));
  return [...escalations].sort(
    (a, b) =>
      (left.get(a.id) ?? 0) - (left.get(b.id) ?? 0) ||
      Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The owner filter's value for rows nobody has taken yet. */
export const UNOWNED = '-';

export interface QueueFilter {
  level: number | null;
  reason: string | null;
  /** Employee id of who raised it. */
  raisedBy: string | null;
  /** The raiser's team. */
  team: string | null;
  /** Employee id of who owns it, or UNOWNED. */
  owner: string | null;
}

export const NO_FILTER: QueueFilter = { level: null, reason: null, raisedBy: null, team: null, owner: null };

type Filterable = Pick<Escalation, 'level' | 'reason' | 'raisedBy' | 'team' | 'owner'>;

export function matchesFilter(e: Filterable, filter: QueueFilter): boolean {
  return (
    (filter.level === null || e.level === filter.level) &&
    (filter.reason === null || e.reason === filter.reason) &&
    (filter.raisedBy === null || e.raisedBy.id === filter.raisedBy) &&
    (filter.team === null || e.team === filter.team) &&
    (filter.owner === null || (e.owner?.id ?? UNOWNED) === filter.owner)
  );
}

/** The choices each filter offers, from the escalations on the queue (sorted, each once). */
export function filterChoices(escalations: readonly Filterable[]) {
  const levels = [...new Set(escalations.map((e) => e.level))].sort((a, b) => a - b);
  const reasons = [...new Set(escalations.map((e) => e.reason))].sort();
  const teams = [...new Set(escalations.flatMap((e) => (e.team ? [e.team] : [])))].sort();
  const raisers = new Map(escalations.map((e) => [e.raisedBy.id, e.raisedBy]));
  const owners = new Map(escalations.flatMap((e) => (e.owner ? [[e.owner.id, e.owner] as const] : [])));
  const byNumber = (a: { employeeNo: string }, b: { employeeNo: string }) => a.employeeNo.localeCompare(b.employeeNo);
  return {
    levels,
    reasons,
    teams,
    raisers: [...raisers.values()].sort(byNumber),
    owners: [...owners.values()].sort(byNumber),
    unowned: escalations.some((e) => e.owner === null),
  };
}
