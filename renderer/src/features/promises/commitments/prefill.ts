import type { CommitmentKind, OfferKind } from '../../../../../shared';

/** What the promise form starts from: a kind, an amount, and the offer it grants (none when made by hand). */
export interface CommitmentPrefill {
  kind: CommitmentKind;
  amount: number | null;
  fromOffer: OfferKind | null;
}

export const BY_HAND: CommitmentPrefill = { kind: 'callback', amount: null, fromOffer: null };
