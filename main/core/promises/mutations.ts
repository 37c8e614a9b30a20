import type { Kysely } from 'kysely';
import { AppError, type MutationArgs, type PolicyAnswer, type promiseMutations, type SuppliedFacts } from '../../../shared';
import type { DB } from '../../db';
import { defineMutation, type MutationHandlers } from '../mutations/types';
import { around, boundedTime, CLOCK_SKEW_MS, HORIZON_MS } from '../time-bounds';
import { actorOf, answerIn, checkGrant, grantedSoFar, grantOf, mayDecide, mayHandleCommitment, TOP_LEVEL, withinPolicy } from './authority';

type DecisionRow = MutationArgs<'commitments.break'>['decision'];
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

function decisionValues(d: DecisionRow, actor: string, at: string, supplied: SuppliedFacts = {}) {
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
    supplied: JSON.stringify(supplied),
  };
}

/** The decision row for an answer made inside a write, with the facts the actor supplied kept as supplied. */
function answerValues(
  id: string,
  on: { caseId: string; customerId: string },
  answer: PolicyAnswer,
  action: string,
  actor: string,
  at: string,
) {
  return decisionValues(
    {
      id,
      caseId: on.caseId,
      customerId: on.customerId,
      bundleVersion: answer.bundleVersion,
      facts: answer.facts,
      answer: { offers: answer.offers, escalation: answer.escalation, sla: answer.sla },
      ruleIds: answer.ruleIds,
      action,
    },
    actor,
    at,
    answer.supplied,
  );
}

/** The case a write names, refused when it is not there or not the named customer's. */
async function caseOf(trx: Kysely<DB>, caseId: string, customerId: string): Promise<void> {
  const row = await trx.selectFrom('cases').select('customer_id').where('id', '=', caseId).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No case ${caseId}.`, [{ path: 'caseId', message: 'not_found' }]);
  if (row.customer_id !== customerId)
    throw new AppError('invalid_input', 'That case is not this customer’s.', [{ path: 'customerId', message: 'invalid' }]);
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
        .set({ status: 'closed', commitment_id: a.id })
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
    await trx
      .insertInto('escalations')
      .values({
        id: a.id,
        case_id: a.caseId,
        customer_id: a.customerId,
        level: 2,
        reason: 'authority',
        detail: a.detail,
        offer: a.offer,
        amount: a.amount,
        status: 'open',
        commitment_id: null,
        decision_id: a.decisionId,
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

/**
 * Approve or deny. Nobody decides their own request. Approving evaluates policy again, as the
 * decider and with the facts the requester supplied: if the case's total would now pass the policy
 * limit the approval is refused, and if it passes the decider's own authority the request goes up
 * a level instead (past the top level it is refused).
 */
export const decideEscalation = defineMutation('escalations.decide', {
  async apply(trx, a, m, env) {
    const row = await trx.selectFrom('escalations').selectAll().where('id', '=', a.id).executeTakeFirst();
    if (!row) throw new AppError('not_found', `No escalation ${a.id}.`, [{ path: 'id', message: 'not_found' }]);
    if (row.status !== 'open')
      throw new AppError('conflict', `This escalation is already ${row.status}.`, [{ path: 'id', message: 'not_open' }]);
    const decider = await actorOf(trx, m.actor);
    mayDecide(decider, row);
    if (a.approve && row.offer && row.amount !== null) {
      const offer = row.offer as NonNullable<(typeof row)['offer']> & Parameters<typeof grantedSoFar>[2];
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
        await trx
          .updateTable('escalations')
          .set({ level: row.level + 1, decision_note: a.note })
          .where('id', '=', a.id)
          .execute();
        await trx
          .updateTable('cases')
          .set({ level: row.level + 1 })
          .where('id', '=', row.case_id)
          .where('level', '<', row.level + 1)
          .execute();
        return [{ entity: 'escalation', id: a.id, customerId: row.customer_id, data: { raisedTo: row.level + 1, note: a.note } }];
      }
    }
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
