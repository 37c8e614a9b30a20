import { type Agent, AppError, type EscalationAction, type EscalationStatus, type Role } from '../../../shared';

/*
 * The escalation workflow as one table: for each state, the actions allowed there and the state each
 * leads to. Anything not in the table is refused (conflict, issue `invalid_state`) before a row is
 * touched. Who may act is a second table, by level: 1 agents, 2 supervisors, 3 the complaint centre
 * (each level's people also work the levels below theirs; administrators work every level).
 */

export const TRANSITIONS: Readonly<Record<EscalationStatus, Partial<Record<EscalationAction, EscalationStatus>>>> = {
  open: { accept: 'accepted', approve: 'approved', deny: 'denied', reassign: 'accepted', deescalate: 'open', escalate: 'escalated' },
  accepted: {
    approve: 'approved',
    deny: 'denied',
    reassign: 'accepted',
    deescalate: 'open',
    escalate: 'escalated',
    resolve: 'resolved',
  },
  escalated: { accept: 'accepted', approve: 'approved', deny: 'denied', reassign: 'accepted', deescalate: 'open' },
  // A decision stands; what is left is to be done with it (the approval used, or the denial told).
  approved: { resolve: 'resolved' },
  denied: { resolve: 'resolved' },
  resolved: {},
};

export const TOP_LEVEL = 3;
/** States where an escalation still waits on someone: the queue's rows. */
export const ACTIVE_STATES: readonly EscalationStatus[] = ['open', 'accepted', 'escalated'];

/** Who works each level. */
export const WORKERS: Readonly<Record<number, ReadonlySet<Role>>> = {
  1: new Set<Role>(['agent', 'supervisor', 'complaint_centre', 'admin']),
  2: new Set<Role>(['supervisor', 'complaint_centre', 'admin']),
  3: new Set<Role>(['complaint_centre', 'admin']),
};

export function mayWorkLevel(role: Role, level: number): boolean {
  return WORKERS[Math.min(Math.max(level, 1), TOP_LEVEL)]!.has(role);
}

function refuse(code: 'forbidden' | 'conflict' | 'invalid_input', message: string, path: string, issue: string): never {
  throw new AppError(code, message, [{ path, message: issue }]);
}

export interface Step {
  status: EscalationStatus;
  level: number;
}

/** The state and level `action` leads to from `from`, or a conflict naming why it cannot happen now. */
export function nextStep(from: Step, action: EscalationAction): Step {
  const status = TRANSITIONS[from.status]?.[action];
  if (!status) refuse('conflict', `An escalation that is ${from.status} cannot be given "${action}".`, 'action', 'invalid_state');
  if (action === 'escalate') {
    if (from.level >= TOP_LEVEL) refuse('conflict', 'This escalation is already with the complaint centre.', 'action', 'invalid_level');
    return { status, level: TOP_LEVEL };
  }
  if (action === 'deescalate') {
    if (from.level <= 1) refuse('conflict', 'This escalation is already at the lowest level.', 'action', 'invalid_level');
    return { status, level: from.level - 1 };
  }
  return { status, level: from.level };
}

interface Held {
  level: number;
  status: string;
  owner_id: string | null;
}

/**
 * Refuses an actor who does not work the escalation's level, or who is not its owner once someone
 * has accepted it (reassigning is how work changes hands, and anyone at the level may do that).
 */
export function mayAct(actor: Agent, row: Held, action: EscalationAction): void {
  if (!mayWorkLevel(actor.role, row.level))
    refuse(
      'forbidden',
      `An escalation at level ${row.level} is worked by ${[...WORKERS[Math.min(row.level, TOP_LEVEL)]!].join(' or ')}.`,
      'id',
      'not_your_level',
    );
  if (row.status === 'accepted' && row.owner_id !== null && row.owner_id !== actor.id && action !== 'reassign' && actor.role !== 'admin')
    refuse('forbidden', 'Someone else has taken this escalation; reassign it first.', 'id', 'taken_by_other');
}

/** A note is required for a denial, a step down and a send to level 3: the person who asked reads why. */
export function requireNote(action: EscalationAction, note: string | null): void {
  if ((action === 'deny' || action === 'deescalate' || action === 'escalate') && !note?.trim())
    refuse('invalid_input', 'Say why, for the person who asked.', 'note', 'required');
}
