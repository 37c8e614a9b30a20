import type { TFunction } from 'i18next';
import type { Escalation } from '../../../../../shared';

const REASONS = [
  'regulator',
  'conduct',
  'broken_commitment',
  'overdue_commitment',
  'repeat_contact',
  'authority',
  'conduct_complaint',
  'low_csat',
] as const;
type Reason = (typeof REASONS)[number];

function isReason(value: string): value is Reason {
  return (REASONS as readonly string[]).includes(value);
}

/** An escalation trigger from the policy table in words; one this desk does not know keeps its code. */
export function escalationReason(reason: string, t: TFunction): string {
  if (reason === 'manual') return t('escalationFlow.reason.manual');
  return isReason(reason) ? t(`escalation.reason.${reason}`) : reason;
}

/** Details core words itself (a conduct complaint, a low score) come as values; the words are the UI's, in its language. */
const WORDED_DETAILS = ['conduct_complaint', 'low_csat'] as const;

/** The escalation's detail in the UI's language when core gave values for it; the text as written otherwise. */
export function escalationDetail(e: Pick<Escalation, 'reason' | 'detail' | 'detailParams'>, t: TFunction): string {
  const reason = WORDED_DETAILS.find((r) => r === e.reason);
  if (!e.detailParams || !reason) return e.detail;
  return t(`escalationFlow.detail.${reason}`, e.detailParams).trim();
}
