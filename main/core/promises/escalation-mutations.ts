import type { Kysely } from 'kysely';
import {
  AppError,
  type EscalationAction,
  type OfferKind,
  type promiseMutations,
  type Role,
  type SuppliedFacts,
  TOP_LEVEL,
  worksLevel,
} from '../../../shared';
import type { DB } from '../../db';
import { CONDUCT_COMPLAINT } from '../complaints/complaints';
import { SYSTEM_AGENT } from '../session/system-agent';
import { defineMutation, type Effect, type MutationHandlers } from '../mutations/types';
import { actorOf, answerIn, grantedSoFar, mayDecide, withinPolicy } from './authority';
import { answerValues, caseOf } from './decision-rows';
import { insertEscalation, levelDueAt, raiseCaseLevel } from './escalation-rows';
import { mayAct, nextStep, requireNote, type Step } from './escalation-workflow';

type Row = DB['escalations'];

async function escalationRow(trx: Kysely<DB>, id: string): Promise<Row> {
  const row = await trx.selectFrom('escalations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No escalation ${id}.`, [{ path: 'id', message: 'not_found' }]);
  return row;
}

function stepOf(row: Row): Step {
  return { status: row.status as Step['status'], level: row.level };
}

interface Moved {
  action: EscalationAction;
  to: Step;
  owner: string | null;
  note: string | null;
  at: string;
  /** Set when the move is a decision (approve, deny). */
  decidedBy?: string;
}

/**
 * Writes one transition: the new state, level and owner, a new time limit when the level changed,
 * and the effect the audit chain records (old → new) and the event bus announces after commit.
 */
async function move(trx: Kysely<DB>, env: Parameters<typeof levelDueAt>[1], row: Row, moved: Moved): Promise<Effect[]> {
  const levelChanged = moved.to.level !== row.level;
  // The case follows first, so a new time limit is policy's for the case as it now stands.
  if (moved.to.level > row.level) await raiseCaseLevel(trx, row.case_id, moved.to.level);
  await trx
    .updateTable('escalations')
    .set({
      status: moved.to.status,
      level: moved.to.level,
      owner_id: moved.owner,
      updated_at: moved.at,
      ...(levelChanged ? { due_at: await levelDueAt(trx, env, row.case_id, moved.to.level, moved.at) } : {}),
      ...(moved.note !== null ? { decision_note: moved.note } : {}),
      ...(moved.decidedBy ? { decided_by: moved.decidedBy, decided_at: moved.at, decision: moved.to.status } : {}),
    })
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .execute();
  return [
    {
      entity: 'escalation',
      id: row.id,
      customerId: row.customer_id,
      data: {
        action: moved.action,
        status: { from: row.status, to: moved.to.status },
        level: { from: row.level, to: moved.to.level },
        owner: { from: row.owner_id, to: moved.owner },
        note: moved.note,
      },
    },
  ];
}

/** An agent asks a supervisor to approve an offer beyond their authority; policy is judged here, counting what is already granted. */
export const requestEscalation = defineMutation('escalations.request', {
  async apply(trx, a, m, env) {
    await caseOf(trx, a.caseId, a.customerId);
    const actor = await actorOf(trx, m.actor);
    const answer = await answerIn(trx, env, a.caseId, actor.role, a.supplied);
    withinPolicy(answer, a.offer, a.amount, await grantedSoFar(trx, a.caseId, a.offer));
    const recorded = { ...answer, facts: { ...answer.facts, aboveAuthority: true } };
    await trx
      .insertInto('decisions')
      .values(answerValues(a.decisionId, a, recorded, `approval.${a.offer}`, m.actor, a.at))
      .execute();
    await insertEscalation(trx, env, {
      id: a.id,
      caseId: a.caseId,
      customerId: a.customerId,
      level: 2,
      reason: 'authority',
      detail: a.detail,
      offer: a.offer,
      amount: a.amount,
      decisionId: a.decisionId,
      raisedBy: m.actor,
      at: a.at,
    });
    return [{ entity: 'escalation', id: a.id, customerId: a.customerId }];
  },
});

/** Raised by hand on any case, with why: to the supervisors (level 2). */
export const raiseEscalation = defineMutation('escalations.raise', {
  async apply(trx, a, m, env) {
    await caseOf(trx, a.caseId, a.customerId);
    await actorOf(trx, m.actor);
    // The case is escalated first, so the time limit is policy's for the case as it now stands.
    await raiseCaseLevel(trx, a.caseId, 2);
    await insertEscalation(trx, env, {
      id: a.id,
      caseId: a.caseId,
      customerId: a.customerId,
      level: 2,
      reason: 'manual',
      detail: a.detail,
      raisedBy: m.actor,
      at: a.at,
    });
    return [
      {
        entity: 'escalation',
        id: a.id,
        customerId: a.customerId,
        data: { status: { from: null, to: 'open' }, level: 2, detail: a.detail },
      },
    ];
  },
});

/**
 * Approve or deny (a denial says why). Nobody decides their own request. Approving evaluates policy
 * again, as the decider and with the facts the requester supplied: if the case's total would now
 * pass the policy limit the approval is refused, and if it passes the decider's own authority the
 * request goes up a level instead, as escalated (past the top level it is refused).
 */
export const decideEscalation = defineMutation('escalations.decide', {
  async apply(trx, a, m, env) {
    const row = await escalationRow(trx, a.id);
    const action = a.approve ? 'approve' : 'deny';
    const to = nextStep(stepOf(row), action);
    const decider = await actorOf(trx, m.actor);
    mayDecide(decider, row);
    mayAct(decider, row, action);
    requireNote(action, a.note);
    if (a.approve && row.offer && row.amount !== null) {
      const offer = row.offer as OfferKind;
      const requested = row.decision_id
        ? await trx.selectFrom('decisions').select('supplied').where('id', '=', row.decision_id).executeTakeFirst()
        : undefined;
      const supplied = requested?.supplied ? (JSON.parse(requested.supplied) as SuppliedFacts) : {};
      const answer = await answerIn(trx, env, row.case_id, decider.role, supplied);
      const before = await grantedSoFar(trx, row.case_id, offer);
      withinPolicy(answer, offer, row.amount, before);
      await trx
        .insertInto('decisions')
        .values(
          answerValues(
            a.decisionId,
            { caseId: row.case_id, customerId: row.customer_id },
            answer,
            `approval.decide.${offer}`,
            m.actor,
            a.at,
          ),
        )
        .execute();
      const authority = answer.offers.find((o) => o.offer === offer)?.authorityLimit ?? 0;
      if (before + row.amount > authority) {
        if (row.level >= TOP_LEVEL)
          throw new AppError('forbidden', `Approving ${row.amount} of ${offer} is beyond your authority (${authority}).`, [
            { path: 'id', message: 'above_authority' },
          ]);
        const up = { status: 'escalated' as const, level: row.level + 1 };
        return move(trx, env, row, { action: 'escalate', to: up, owner: null, note: a.note, at: a.at });
      }
    }
    return move(trx, env, row, { action, to, owner: row.owner_id, note: a.note, at: a.at, decidedBy: m.actor });
  },
});

/** The person a reassignment names: known, not disabled, and working the escalation's level. */
async function assignee(trx: Kysely<DB>, row: Row, toId: string | null): Promise<string> {
  if (toId === null) throw new AppError('invalid_input', 'Choose who takes it over.', [{ path: 'toId', message: 'required' }]);
  if (toId === row.owner_id) throw new AppError('invalid_input', 'That person already has it.', [{ path: 'toId', message: 'same_owner' }]);
  const person = await trx.selectFrom('agents').select(['role', 'disabled']).where('id', '=', toId).executeTakeFirst();
  if (!person || person.disabled || toId === SYSTEM_AGENT.id)
    throw new AppError('not_found', 'Nobody active by that id.', [{ path: 'toId', message: 'not_found' }]);
  if (!worksLevel(person.role as Role, row.level))
    throw new AppError('forbidden', `That person does not work level ${row.level}.`, [{ path: 'toId', message: 'not_their_level' }]);
  return toId;
}

type StepName =
  'escalations.accept' | 'escalations.reassign' | 'escalations.deescalate' | 'escalations.sendToLevel3' | 'escalations.resolve';
const ACTION_OF: Record<StepName, EscalationAction> = {
  'escalations.accept': 'accept',
  'escalations.reassign': 'reassign',
  'escalations.deescalate': 'deescalate',
  'escalations.sendToLevel3': 'escalate',
  'escalations.resolve': 'resolve',
};

/** Accept, reassign, step down a level, send to level 3, or resolve: judged against the table where applied. */
function workflowStep<N extends StepName>(name: N) {
  const action = ACTION_OF[name];
  return defineMutation(name, {
    async apply(trx, a, m, env) {
      const row = await escalationRow(trx, a.id);
      // A conduct complaint stays with the supervisors: never back to the agents' level, where the agent complained about works.
      const to = nextStep(stepOf(row), action, row.reason === CONDUCT_COMPLAINT ? 2 : 1);
      const actor = await actorOf(trx, m.actor);
      mayAct(actor, row, action);
      requireNote(action, a.note);
      const owner =
        action === 'accept'
          ? actor.id
          : action === 'reassign'
            ? await assignee(trx, row, (a as { toId?: string }).toId ?? null)
            : action === 'resolve'
              ? row.owner_id
              : null; // a level change leaves it for someone at the new level to take
      return move(trx, env, row, { action, to, owner, note: a.note, at: a.at });
    },
  });
}

export const escalationMutations: MutationHandlers<Extract<keyof typeof promiseMutations, `escalations.${string}`>> = {
  'escalations.request': requestEscalation,
  'escalations.decide': decideEscalation,
  'escalations.raise': raiseEscalation,
  'escalations.accept': workflowStep('escalations.accept'),
  'escalations.reassign': workflowStep('escalations.reassign'),
  'escalations.deescalate': workflowStep('escalations.deescalate'),
  'escalations.sendToLevel3': workflowStep('escalations.sendToLevel3'),
  'escalations.resolve': workflowStep('escalations.resolve'),
};
