import type { TFunction } from 'i18next';
import type { Escalation } from '../../../../shared';

/** The facts an agent supplied (the record did not hold them), in words; empty when there are none. */
export function suppliedWords(supplied: Escalation['supplied'], t: TFunction): string {
  return Object.entries(supplied)
    .map(([fact, value]) =>
      typeof value === 'boolean'
        ? t(`policy.fact.${fact as 'regulatorMentioned'}`)
        : `${t(`policy.fact.${fact as 'voucherValue'}`)} ${value}`,
    )
    .join('；');
}
