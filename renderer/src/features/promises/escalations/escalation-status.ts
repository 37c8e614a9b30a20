import { ACTIVE_ESCALATION_STATES, type Escalation } from '../../../../../shared';

/** Whether an escalation still waits on someone: a queue row, a request still pending. */
export function isWaiting(e: Pick<Escalation, 'status'>): boolean {
  return ACTIVE_ESCALATION_STATES.includes(e.status);
}

/** An approval resolved by the promise it allowed says so ("used"); any other state by its name. */
export function statusKey(e: Pick<Escalation, 'status' | 'offer' | 'commitmentId'>) {
  if (e.status === 'resolved' && e.offer !== null && e.commitmentId !== null) return 'escalationFlow.used' as const;
  return `escalationFlow.status.${e.status}` as const;
}
