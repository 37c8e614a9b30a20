import type { TFunction } from 'i18next';
import { CaseCategory, CasePriority, Role, Tier } from '../../../../../shared';
import { formatDayTime } from '../../../format/date-time';

/** The facts the tables read, in the order an agent weighs them: the customer's effort first. */
const ORDER = [
  'contacts7d',
  'daysOpen',
  'brokenPromises',
  'overduePromises',
  'incidentCaused',
  'regulatorMentioned',
  'complaint',
  'voucherValue',
  'prepaidAmount',
  'voucherExpiresAt',
  'category',
  'priority',
  'tier',
  'level',
  'role',
  'aboveAuthority',
] as const;
type FactKey = (typeof ORDER)[number];

function isFactKey(key: string): key is FactKey {
  return (ORDER as readonly string[]).includes(key);
}

export interface FactLine {
  key: string;
  label: string;
  value: string;
}

function valueOf(key: string, value: unknown, t: TFunction, language: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (key === 'voucherValue' || key === 'prepaidAmount')
    return typeof value === 'number' ? t('amount.yuan', { count: value }) : String(value);
  if (key === 'voucherExpiresAt' && typeof value === 'string') return formatDayTime(value, language);
  if (key === 'level' && typeof value === 'number') return t('cases.levelBadge', { level: value });
  if (key === 'category') {
    const parsed = CaseCategory.safeParse(value);
    if (parsed.success) return t(`category.${parsed.data}`);
  }
  if (key === 'priority') {
    const parsed = CasePriority.safeParse(value);
    if (parsed.success) return t(`priority.${parsed.data}`);
  }
  if (key === 'tier') {
    const parsed = Tier.safeParse(value);
    if (parsed.success) return t(`tier.${parsed.data}`);
  }
  if (key === 'role') {
    const parsed = Role.safeParse(value);
    if (parsed.success) return t(`role.${parsed.data}`);
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** Every fact as a labelled line, known ones first in a fixed order, any other after them under its own name. */
export function factLines(facts: Readonly<Record<string, unknown>>, t: TFunction, language: string): FactLine[] {
  const known = ORDER.filter((key) => key in facts).map((key) => ({
    key,
    label: t(`policy.fact.${key}`),
    value: valueOf(key, facts[key], t, language),
  }));
  const other = Object.keys(facts)
    .filter((key) => !isFactKey(key))
    .sort()
    .map((key) => ({ key, label: key, value: valueOf(key, facts[key], t, language) }));
  return [...known, ...other];
}
