import type { Kysely } from 'kysely';
import { AppError, type MutationArgs, type promiseMutations } from '../../../shared';
import type { DB } from '../../db';
import { defineMutation, type MutationHandlers } from '../mutations/types';

type DecisionRow = NonNullable<MutationArgs<'commitments.create'>['decision']>;
type MessageRow = MutationArgs<'commitments.create'>['message'];

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

function decisionValues(d: DecisionRow, actor: string, at: string) {
  return {
    id: d.id,
    case_id: d.caseId,
    customer_id: d.customerId,
    actor_id: actor,
    bundle_version: d.bundleVersion,
    facts: JSON.stringify(d.facts),
    answer: JSON.stringify(d.answer),
    rule_ids: JSON.stringify(d.ruleIds),
    action: d.action,
    created_at: at,
  };
}

/** A commitment, its written confirmation, and the policy decision that authorised it: one transaction. */
export const createCommitment = defineMutation('commitments.create', {
  async apply(trx, a, m) {
    if (a.decision)
      await trx
        .insertInto('decisions')
        .values(decisionValues(a.decision, m.actor, a.at))
        .execute();
    if (a.escalationId) {
      const used = await trx
        .updateTable('escalations')
        .set({ status: 'closed', commitment_id: a.id })
        .where('id', '=', a.escalationId)
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
        grace_hours: a.graceHours,
        status: 'open',
        decision_id: a.decision?.id ?? null,
        escalation_id: a.escalationId,
        created_by: m.actor,
        created_at: a.at,
        alerted_at: null,
        resolved_at: null,
        resolution_reason: null,
        version: 1,
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
  async apply(trx, a) {
    const row = await trx.selectFrom('commitments').select(['status', 'customer_id', 'case_id']).where('id', '=', a.id).executeTakeFirst();
    if (!row) throw new AppError('not_found', `No commitment ${a.id}.`, [{ path: 'id', message: 'not_found' }]);
    if (row.status !== 'open')
      throw new AppError('conflict', `This commitment is already ${row.status}.`, [{ path: 'status', message: 'not_open' }]);
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
  async apply(trx, a) {
    const row = await trx
      .selectFrom('commitments')
      .select(['status', 'customer_id', 'case_id', 'due_at'])
      .where('id', '=', a.id)
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', `No commitment ${a.id}.`, [{ path: 'id', message: 'not_found' }]);
    if (row.status !== 'open')
      throw new AppError('conflict', `This commitment is already ${row.status}.`, [{ path: 'status', message: 'not_open' }]);
    await trx.updateTable('commitments').set({ due_at: a.dueAt, alerted_at: null }).where('id', '=', a.id).execute();
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
  async apply(trx, a, m) {
    const row = await trx.selectFrom('commitments').select(['customer_id', 'case_id', 'status']).where('id', '=', a.id).executeTakeFirst();
    if (!row || row.status !== 'open') return [];
    await trx
      .insertInto('decisions')
      .values(decisionValues(a.decision, m.actor, a.at))
      .execute();
    await trx
      .insertInto('escalations')
      .values({
        id: a.escalation.id,
        case_id: row.case_id,
        customer_id: row.customer_id,
        level: a.escalation.level,
        reason: a.escalation.reason,
        detail: a.escalation.detail,
        offer: null,
        amount: null,
        status: 'open',
        commitment_id: a.id,
        decision_id: a.decision.id,
        raised_by: m.actor,
        decided_by: null,
        created_at: a.at,
        decided_at: null,
        decision_note: null,
      })
      .execute();
    await trx
      .updateTable('commitments')
      .set({ status: 'broken', resolved_at: a.at, resolution_reason: 'overdue' })
      .where('id', '=', a.id)
      .execute();
    await trx
      .updateTable('cases')
      .set({ level: a.escalation.level })
      .where('id', '=', row.case_id)
      .where('level', '<', a.escalation.level)
      .execute();
    return [
      { entity: 'commitment', id: a.id, customerId: row.customer_id, data: { status: 'broken' } },
      { entity: 'escalation', id: a.escalation.id, customerId: row.customer_id, data: a.escalation },
    ];
  },
});

/** An agent asks a supervisor to approve an offer beyond their authority. */
export const requestEscalation = defineMutation('escalations.request', {
  async apply(trx, a, m) {
    await trx
      .insertInto('decisions')
      .values(decisionValues(a.decision, m.actor, a.at))
      .execute();
    await trx
      .insertInto('escalations')
      .values({
        id: a.id,
        case_id: a.caseId,
        customer_id: a.customerId,
        level: a.level,
        reason: 'authority',
        detail: a.detail,
        offer: a.offer,
        amount: a.amount,
        status: 'open',
        commitment_id: null,
        decision_id: a.decision.id,
        raised_by: m.actor,
        decided_by: null,
        created_at: a.at,
        decided_at: null,
        decision_note: null,
      })
      .execute();
    return [{ entity: 'escalation', id: a.id, customerId: a.customerId }];
  },
});

export const decideEscalation = defineMutation('escalations.decide', {
  async apply(trx, a, m) {
    const row = await trx.selectFrom('escalations').select(['status', 'customer_id']).where('id', '=', a.id).executeTakeFirst();
    if (!row) throw new AppError('not_found', `No escalation ${a.id}.`, [{ path: 'id', message: 'not_found' }]);
    if (row.status !== 'open')
      throw new AppError('conflict', `This escalation is already ${row.status}.`, [{ path: 'id', message: 'not_open' }]);
    await trx
      .updateTable('escalations')
      .set({ status: a.approve ? 'approved' : 'rejected', decided_by: m.actor, decided_at: a.at, decision_note: a.note })
      .where('id', '=', a.id)
      .execute();
    return [{ entity: 'escalation', id: a.id, customerId: row.customer_id, data: { approve: a.approve, note: a.note } }];
  },
});

/** The promises slice's writes, one handler per mutation of `shared/contract/mutations/promises.ts`. */
export const mutations: MutationHandlers<keyof typeof promiseMutations> = {
  'commitments.create': createCommitment,
  'commitments.resolve': resolveCommitment,
  'commitments.reschedule': rescheduleCommitment,
  'commitments.alert': alertCommitment,
  'commitments.break': breakCommitment,
  'escalations.request': requestEscalation,
  'escalations.decide': decideEscalation,
};
