import type { TFunction } from 'i18next';
import type { OfferKind } from '../../../shared';

export type AmountUnit = 'days' | 'yuan';

/** An extension is counted in days; every other grant in yuan. */
export function unitOf(offer: OfferKind): AmountUnit {
  return offer === 'extension' ? 'days' : 'yuan';
}

/** "44 元", "30 天". */
export function formatAmount(value: number, unit: AmountUnit, t: TFunction): string {
  return t(unit === 'days' ? 'amount.days' : 'amount.yuan', { count: value });
}
