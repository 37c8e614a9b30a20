import type { TFunction } from 'i18next';
import { AppError, type Offer } from '../../../../../shared';
import { describeError } from '../../../errors/describe-error';
import { formatAmount } from '../../../format/amount';

/**
 * A refused promise or approval request in words. Where the host named a limit that the policy
 * answer on screen spells out, the sentence carries the numbers from that answer (policy limit,
 * the agent's own authority, the rule), so the agent knows what to do next without asking.
 */
export function describeCommitmentError(error: unknown, t: TFunction, offer: Offer | null, amount: number | null): string {
  if (error instanceof AppError && offer && amount !== null) {
    const issues = error.issues ?? [];
    const given = formatAmount(amount, offer.unit, t);
    if (issues.some((i) => i.message === 'above_policy_limit'))
      return t('promise.error.aboveLimit', { amount: given, limit: formatAmount(offer.limit, offer.unit, t), rule: offer.ruleId });
    if (issues.some((i) => i.message === 'above_authority'))
      return t('promise.error.aboveAuthority', { amount: given, authority: formatAmount(offer.authorityLimit, offer.unit, t) });
  }
  return describeError(error, t);
}
