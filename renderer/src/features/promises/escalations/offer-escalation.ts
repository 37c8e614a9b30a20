import type { Escalation, OfferKind } from '../../../../../shared';

/**
 * The agent's standing request for this offer on this case: the newest one not yet used for a
 * promise (a used approval is resolved). The host decides whether it covers a promise; this only
 * tells the agent where the request stands.
 */
export function requestFor(offer: OfferKind, escalations: readonly Escalation[]): Escalation | null {
  const standing = escalations.filter((e) => e.offer === offer && e.status !== 'resolved');
  return standing.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))[0] ?? null;
}
