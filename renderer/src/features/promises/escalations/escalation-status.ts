import type { Escalation, EscalationStatus } from '../../../../../shared';

/** States where an escalation still waits on someone (core's ACTIVE_STATES): the queue's rows, a request still pending. */
const WAITING: ReadonlySet<EscalationStatus> = new Set<EscalationStatus>(['open', 'accepted', 'escalated']);

export function isWaiting(e: Pick<Escalation, 'status'>): boolean {
  return WAITING.has(e.status);
}
