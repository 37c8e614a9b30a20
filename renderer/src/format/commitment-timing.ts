import type { TFunction } from 'i18next';
import type { Commitment } from '../../../shared';
import { between } from './duration';

/** Where a promise stands in time, said from the host's "now": "due 4 days ago", "2 hours late", "47 hours left". */
export function commitmentTiming(commitment: Commitment, now: string, t: TFunction): string {
  const span = between(commitment.dueAt, now);
  const duration = t(`time.${span.unit}`, { count: span.count });
  if (commitment.status === 'broken') return t('commitments.dueAgo', { duration });
  if (commitment.status !== 'open') return '';
  return commitment.overdue ? t('commitments.lateBy', { duration }) : t('commitments.left', { duration });
}
