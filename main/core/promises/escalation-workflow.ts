import {
  ACTIVE_ESCALATION_STATES,
  type Agent,
  AppError,
  type EscalationAction,
  type EscalationStatus,
  LEVEL_WORKERS,
  TOP_LEVEL,
  worksLevel,
} from '../../../shared';

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

/** States where an escalation still waits on someone: the queue's rows. */
export const ACTIVE_STATES = ACTIVE_ESCALATION_STATES;

function refuse(code: 'forbidden' | 'conflict' | 'invalid_input', message: string, path: string, issue: string): never {
  throw new AppError(code, message, [{ path, message: issue }]);
}

export interface Step {
  status: EscalationStatus;
  level: number;
}

/**
 * The state and level `action` leads to from `from`, or a conflict naming why it cannot happen now.
 * `floor` is the lowest level it may be stepped down to.
 */
export function nextStep(from: Step, action: EscalationAction, floor = 1): Step {
  const status = TRANSITIONS[from.status]?.[action];
  if (!status) refuse('conflict', `An escalation that is ${from.status} cannot be given "${action}".`, 'action', 'invalid_state');
  if (action === 'escalate') {
    if (from.level >= TOP_LEVEL) refuse('conflict', 'This escalation is already with the complaint centre.', 'action', 'invalid_level');
    return { status, level: TOP_LEVEL };
  }
  if (action === 'deescalate') {
    if (from.level <= floor) refuse('conflict', 'This escalation is already at the lowest level it may have.', 'action', 'invalid_level');
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
  if (!worksLevel(actor.role, row.level))
    refuse(
      'forbidden',
      `An escalation at level ${row.level} is worked by ${[...LEVEL_WORKERS[Math.min(row.level, TOP_LEVEL)]!].join(' or ')}.`,
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
