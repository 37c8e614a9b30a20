import type { Kysely } from 'kysely';
import { AppError, type MutationArgs, type promiseMutations } from '../../../shared';
import type { DB } from '../../db';
import { defineMutation, type MutationHandlers } from '../mutations/types';
import { around, boundedTime, CLOCK_SKEW_MS, HORIZON_MS } from '../time-bounds';
import { actorOf, answerIn, checkGrant, grantOf, mayHandleCommitment } from './authority';
import { escalationMutations } from './escalation-mutations';
import { insertEscalation, raiseCaseLevel } from './escalation-rows';
import { answerValues, caseOf, decisionValues } from './decision-rows';

type MessageRow = MutationArgs<'commitments.create'>['message'];
const HOUR = 3_600_000;

/** Queues a customer confirmation in the same transaction as the commitment it confirms. */
async function queueMessage(
  trx: Kysely<DB>,
  message: MessageRow,
  on: { caseId: string; customerId: string; commitmentId: string; at: string },
): Promise<void> {
  await trx
    .insertInto('messages')
    .values({
      id: message.id,
      case_id: on.caseId,
      customer_id: on.customerId,
      commitment_id: on.commitmentId,
      template: message.template,
      locale: message.locale,
      to_phone: message.to,
      body: message.body,
      status: 'queued',
      gateway: null,
      attempts: 0,
      next_attempt_at: on.at,
      last_error: null,
      created_at: on.at,
      sent_at: null,
    })
    .execute();
}

/** An open commitment, or a typed refusal. */
async function openCommitment(trx: Kysely<DB>, id: string) {
  const row = await trx.selectFrom('commitments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No commitment ${id}.`, [{ path: 'id', message: 'not_found' }]);
  if (row.status !== 'open')
    throw new AppError('conflict', `This commitment is already ${row.status}.`, [{ path: 'status', message: 'not_open' }]);
  return row;
}

/**
 * A commitment, its written confirmation, and the policy decision that authorised it: one
 * transaction. Policy and authority are judged here, from the record as it stands in this
 * transaction, so grants made one after another add up and a replay from another desk meets the
 * same rules.
 */
export const createCommitment = defineMutation('commitments.create', {
  async apply(trx, a, m, env) {
    await caseOf(trx, a.caseId, a.customerId);
    const actor = await actorOf(trx, m.actor);
    const grant = grantOf(a.kind, a.fromOffer, a.amount);
    // Due in the future when promised (an offline write may arrive later), and not years ahead.
    boundedTime(a.dueAt, around(a.at, CLOCK_SKEW_MS, HORIZON_MS), 'dueAt');
    const answer = await answerIn(trx, env, a.caseId, actor.role, a.supplied);
    const escalationId = grant
      ? await checkGrant(trx, env.policy, answer, { caseId: a.caseId, offer: grant, amount: a.amount ?? 0 })
      : null;
    await trx
      .insertInto('decisions')
      .values(answerValues(a.decisionId, a, answer, `commitment.${grant ?? a.kind}`, m.actor, a.at))
      .execute();
    if (escalationId) {
      const used = await trx
        .updateTable('escalations')
        .set({ status: 'resolved', commitment_id: a.id, updated_at: a.at })
        .where('id', '=', escalationId)
        .where('status', '=', 'approved')
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1)
        throw new AppError('conflict', 'That approval was already used or withdrawn.', [{ path: 'amount', message: 'approval_used' }]);
    }
    await trx
      .insertInto('commitments')
      .values({
        id: a.id,
        case_id: a.caseId,
        customer_id: a.customerId,
        kind: a.kind,
        wording: a.wording,
        amount: a.amount,
        owner_id: m.actor,
        due_at: a.dueAt,
        grace_hours: answer.sla.graceHours,
        status: 'open',
        decision_id: a.decisionId,
        escalation_id: escalationId,
        created_by: m.actor,
        created_at: a.at,
        alerted_at: null,
        resolved_at: null,
        resolution_reason: null,
        version: 1,
        reschedules: 0,
        first_due_at: a.dueAt,
      })
      .execute();
    await queueMessage(trx, a.message, { caseId: a.caseId, customerId: a.customerId, commitmentId: a.id, at: a.at });
    return [
      { entity: 'commitment', id: a.id, customerId: a.customerId },
      { entity: 'message', id: a.message.id, customerId: a.customerId, data: { commitmentId: a.id, template: a.message.template } },
    ];
  },
});

/** Kept or cancelled, with the reason, and a written word to the customer either way. */
export const resolveCommitment = defineMutation('commitments.resolve', {
  async apply(trx, a, m) {
    const row = await openCommitment(trx, a.id);
    mayHandleCommitment(await actorOf(trx, m.actor), row.owner_id);
    await trx
      .updateTable('commitments')
      .set({ status: a.status, resolved_at: a.at, resolution_reason: a.reason })
      .where('id', '=', a.id)
      .execute();
    await queueMessage(trx, a.message, { caseId: row.case_id, customerId: row.customer_id, commitmentId: a.id, at: a.at });
    return [
      { entity: 'commitment', id: a.id, customerId: row.customer_id, data: { status: a.status, reason: a.reason } },
      { entity: 'message', id: a.message.id, customerId: row.customer_id, data: { commitmentId: a.id, template: a.message.template } },
    ];
  },
});

/** A new deadline: the clock starts over (a new "due" alert when it comes), and the customer is written to. */
export const rescheduleCommitment = defineMutation('commitments.reschedule', {
  async apply(trx, a, m, env) {
    const row = await openCommitment(trx, a.id);
    const actor = await actorOf(trx, m.actor);
    mayHandleCommitment(actor, row.owner_id);
    boundedTime(a.dueAt, around(a.at, CLOCK_SKEW_MS, HORIZON_MS), 'dueAt');
    // Moving is limited by policy, so a commitment cannot be put off for ever to dodge its escalation.
    const { sla } = await answerIn(trx, env, row.case_id, actor.role);
    if (row.reschedules >= sla.rescheduleLimit)
      throw new AppError('forbidden', `This commitment was already moved ${row.reschedules} times; policy allows ${sla.rescheduleLimit}.`, [
        { path: 'dueAt', message: 'reschedule_limit' },
      ]);
    const first = Date.parse(row.first_due_at ?? row.due_at);
    if (Date.parse(a.dueAt) > first + sla.rescheduleMaxHours * HOUR)
      throw new AppError(
        'forbidden',
        `Policy allows moving this commitment at most ${sla.rescheduleMaxHours} hours past its first deadline.`,
        [{ path: 'dueAt', message: 'reschedule_too_far' }],
      );
    await trx
      .updateTable('commitments')
      .set({ due_at: a.dueAt, alerted_at: null, reschedules: row.reschedules + 1 })
      .where('id', '=', a.id)
      .execute();
    await queueMessage(trx, a.message, { caseId: row.case_id, customerId: row.customer_id, commitmentId: a.id, at: a.at });
    return [
      { entity: 'commitment', id: a.id, customerId: row.customer_id, data: { dueAt: { from: row.due_at, to: a.dueAt }, reason: a.reason } },
      { entity: 'message', id: a.message.id, customerId: row.customer_id, data: { commitmentId: a.id, template: a.message.template } },
    ];
  },
});

/** The owner was told the commitment fell due. */
export const alertCommitment = defineMutation('commitments.alert', {
  async apply(trx, a) {
    const row = await trx
      .selectFrom('commitments')
      .select(['customer_id', 'status', 'alerted_at'])
      .where('id', '=', a.id)
      .executeTakeFirst();
    if (!row || row.status !== 'open' || row.alerted_at) return [];
    await trx.updateTable('commitments').set({ alerted_at: a.at }).where('id', '=', a.id).execute();
    return [{ entity: 'commitment', id: a.id, customerId: row.customer_id, data: { alerted: true } }];
  },
});

/** Past due and past grace: the commitment is broken, and the escalation trigger is recorded with the decision behind it. */
export const breakCommitment = defineMutation('commitments.break', {
  async apply(trx, a, m, env) {
    const row = await trx.selectFrom('commitments').select(['customer_id', 'case_id', 'status']).where('id', '=', a.id).executeTakeFirst();
    if (!row || row.status !== 'open') return [];
    await trx
      .insertInto('decisions')
      .values(decisionValues(a.decision, m.actor, a.at))
      .execute();
    await raiseCaseLevel(trx, row.case_id, a.escalation.level);
    await insertEscalation(trx, env, {
      id: a.escalation.id,
      caseId: row.case_id,
      customerId: row.customer_id,
      level: a.escalation.level,
      reason: a.escalation.reason,
      detail: a.escalation.detail,
      commitmentId: a.id,
      decisionId: a.decision.id,
      raisedBy: m.actor,
      at: a.at,
    });
    await trx
      .updateTable('commitments')
      .set({ status: 'broken', resolved_at: a.at, resolution_reason: 'overdue' })
      .where('id', '=', a.id)
      .execute();
    return [
      { entity: 'commitment', id: a.id, customerId: row.customer_id, data: { status: 'broken' } },
      { entity: 'escalation', id: a.escalation.id, customerId: row.customer_id, data: a.escalation },
    ];
  },
});

/** The promises slice's writes, one handler per mutation of `shared/contract/mutations/promises.ts`. */
export const mutations: MutationHandlers<keyof typeof promiseMutations> = {
  'commitments.create': createCommitment,
  'commitments.resolve': resolveCommitment,
  'commitments.reschedule': rescheduleCommitment,
  'commitments.alert': alertCommitment,
  'commitments.break': breakCommitment,
  ...escalationMutations,
};
