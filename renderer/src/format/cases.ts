import type { CaseStatus, CaseSummary } from '../../../shared';

const OPEN_STATUSES: readonly CaseStatus[] = ['open', 'pending_customer', 'pending_internal'];

export function isOpen(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Newest first, the order the host gives; sorted again so a stale cache cannot reorder them. */
export function newestFirst(cases: readonly CaseSummary[]): CaseSummary[] {
  return [...cases].sort((a, b) => (a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : b.id.localeCompare(a.id)));
}

/** Where a note goes unless the agent picks otherwise: the most recent open case, else the most recent case. */
export function defaultNoteCase(cases: readonly CaseSummary[]): CaseSummary | null {
  const sorted = newestFirst(cases);
  return sorted.find((c) => isOpen(c.status)) ?? sorted[0] ?? null;
}
