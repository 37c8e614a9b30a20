import type { TFunction } from 'i18next';
import { CommitmentKind, OfferKind } from '../../../../../shared';

/** A decision's action ("commitment.callback", "approval.conversion", "commitment.broken") in words. */
export function decisionAction(action: string, t: TFunction): string {
  const [head, tail = ''] = action.split('.');
  if (head === 'commitment' && tail === 'broken') return t('decision.action.broken');
  if (head === 'commitment') {
    const kind = CommitmentKind.safeParse(tail);
    if (kind.success) return t('decision.action.commitment', { kind: t(`commitment.kind.${kind.data}`) });
  }
  if (head === 'approval') {
    const offer = OfferKind.safeParse(tail);
    if (offer.success) return t('decision.action.approval', { offer: t(`policy.offer.${offer.data}`) });
  }
  return action;
}
