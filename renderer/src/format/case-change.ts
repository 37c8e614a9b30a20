import type { TFunction } from 'i18next';
import { CaseCategory, CasePriority, CaseStatus, Level } from '../../../shared';

const FIELDS = ['title', 'category', 'priority', 'status', 'level'] as const;
type CaseField = (typeof FIELDS)[number];

function isCaseField(field: string): field is CaseField {
  return (FIELDS as readonly string[]).includes(field);
}

/** The name of a changed field in the agent's language; a field this desk does not know keeps its own name. */
export function caseFieldName(field: string, t: TFunction): string {
  return isCaseField(field) ? t(`caseField.${field}`) : field;
}

/** An old or new value as the agent reads it: enum values translated, text as written, nothing as a dash. */
export function caseFieldValue(field: string, value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'category') {
    const parsed = CaseCategory.safeParse(value);
    if (parsed.success) return t(`category.${parsed.data}`);
  }
  if (field === 'priority') {
    const parsed = CasePriority.safeParse(value);
    if (parsed.success) return t(`priority.${parsed.data}`);
  }
  if (field === 'status') {
    const parsed = CaseStatus.safeParse(value);
    if (parsed.success) return t(`status.${parsed.data}`);
  }
  if (field === 'level') {
    const parsed = Level.safeParse(value);
    if (parsed.success) return t(`level.${parsed.data}`);
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
