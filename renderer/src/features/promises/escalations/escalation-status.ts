import type { Escalation, EscalationStatus } from '../../../../../shared';

/** States where an escalation still waits on someone (core's ACTIVE_STATES): the queue's rows, a request still pending. */
const WAITING: ReadonlySet<EscalationStatus> = new Set<EscalationStatus>(['open', 'accepted', 'escalated']);

export function isWaiting(e: Pick<Escalation, 'status'>): boolean {
  return WAITING.has(e.status);
}

/** An approval resolved by the promise it allowed says so ("used"); any other state by its name. */
export function statusKey(e: Pick<Escalation, 'status' | 'offer' | 'commitmentId'>) {
  if (e.status === 'resolved' && e.offer !== null && e.commitmentId !== null) return 'escalationFlow.used' as const;
  return `escalationFlow.status.${e.status}` as const;
}
