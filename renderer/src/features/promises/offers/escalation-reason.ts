import type { TFunction } from 'i18next';

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
  return isReason(reason) ? t(`escalation.reason.${reason}`) : reason;
}
