import { AppError, newId, type promiseProcedures } from '../../../shared';
import { REQUIRED_TABLES } from '../../policy';
import { type CallMeta, type Implementations, write } from '../procedure-kit';
import type { CallContext, CoreDeps } from '../context';
import { grantOf } from './authority';
import { caseParty, composeMessage, evaluateCase, futureDueAt, resolveDueAt } from './commands';
import { assigneesOf } from './assignees';
import { commitmentsOf, decisionsOf, escalationsOf, messagesOf, readCommitments, toMessage } from './read';

/** The commitment as it now stands and the confirmation written about it; a retried call gets the first attempt's message. */
async function withMessage(deps: CoreDeps, commitmentId: string, messageId: string) {
  const [commitment] = await readCommitments(
    deps.db,
    await deps.db.selectFrom('commitments').selectAll().where('id', '=', commitmentId).execute(),
    deps.now(),
  );
  const stored = await deps.db.selectFrom('messages').selectAll().where('id', '=', messageId).executeTakeFirst();
  const latest =
    stored ??
    (await deps.db
      .selectFrom('messages')
      .selectAll()
      .where('commitment_id', '=', commitmentId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow());
  return { commitment: commitment!, message: toMessage(latest) };
}

async function one<T>(rows: Promise<T[]>, what: string): Promise<T> {
  const [row] = await rows;
  if (!row) throw new AppError('not_found', `No ${what}.`);
  return row;
}

/** The promises slice: policy answers, commitments and their confirmations, decisions and escalations. */
export const procedures: Implementations<keyof typeof promiseProcedures> = {
  'policy.evaluate': async (deps, input, ctx) => evaluateCase(deps, input.caseId, ctx.actor, input.supplied),

  'policy.bundle': async (deps) => ({ version: deps.policy.version, tables: [...REQUIRED_TABLES] }),

  'commitments.create': async (deps, input, ctx, meta) => {
    const party = await caseParty(deps, input.caseId);
    // Asked here only for the default deadline and a refusal before anything is composed; the
    // write judges policy and authority again inside its transaction, and that verdict is the one kept.
    const grant = grantOf(input.kind, input.fromOffer ?? null, input.amount ?? null);
    const answer = await evaluateCase(deps, input.caseId, ctx.actor, input.supplied);
    const dueAt = resolveDueAt(deps, answer, input.kind, input.dueAt);
    const message = composeMessage('commitment_created', input.locale, party, input.wording, dueAt, ctx.actor.employeeNo);
    const args = await write(deps, ctx, meta, 'commitments.create', {
      id: newId(),
      caseId: input.caseId,
      customerId: party.customerId,
      kind: input.kind,
      fromOffer: grant,
      wording: input.wording,
      amount: input.amount ?? null,
      dueAt,
      supplied: input.supplied,
      decisionId: newId(),
      message,
      at: deps.now().toISOString(),
    });
    const [commitment] = await readCommitments(
      deps.db,
      await deps.db.selectFrom('commitments').selectAll().where('id', '=', args.id).execute(),
      deps.now(),
    );
    const stored = await deps.db
      .selectFrom('messages')
      .selectAll()
      .where('commitment_id', '=', args.id)
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirstOrThrow();
    const decisions = await decisionsOf(deps.db, { caseId: input.caseId, id: args.decisionId });
    return { commitment: commitment!, message: toMessage(stored), decision: decisions[0] ?? null };
  },

  'commitments.resolve': async (deps, input, ctx, meta) => {
    const row = await deps.db.selectFrom('commitments').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw new AppError('not_found', `No commitment ${input.id}.`, [{ path: 'id', message: 'not_found' }]);
    const party = await caseParty(deps, row.case_id);
    const template = input.status === 'kept' ? 'commitment_kept' : 'commitment_cancelled';
    const message = composeMessage(
      template,
      input.locale,
      party,
      row.wording,
      row.due_at,
      ctx.actor.employeeNo,
      input.status === 'cancelled' ? input.reason : undefined,
    );
    await write(deps, ctx, meta, 'commitments.resolve', {
      id: input.id,
      status: input.status,
      reason: input.reason,
      message,
      at: deps.now().toISOString(),
    });
    return withMessage(deps, input.id, message.id);
  },

  'commitments.reschedule': async (deps, input, ctx, meta) => {
    const row = await deps.db.selectFrom('commitments').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw new AppError('not_found', `No commitment ${input.id}.`, [{ path: 'id', message: 'not_found' }]);
    const dueAt = futureDueAt(deps, input.dueAt);
    const party = await caseParty(deps, row.case_id);
    const message = composeMessage('commitment_rescheduled', input.locale, party, row.wording, dueAt, ctx.actor.employeeNo, input.reason);
    await write(deps, ctx, meta, 'commitments.reschedule', {
      id: input.id,
      dueAt,
      reason: input.reason,
      message,
      at: deps.now().toISOString(),
    });
    return withMessage(deps, input.id, message.id);
  },

  'commitments.list': async (deps, input) => {
    if (!input.caseId && !input.customerId)
      throw new AppError('invalid_input', 'Give a case or a customer.', [{ path: 'caseId', message: 'required' }]);
    return commitmentsOf(deps.db, input, deps.now());
  },

  'messages.list': async (deps, input) => messagesOf(deps.db, input.caseId),

  'decisions.list': async (deps, input) => decisionsOf(deps.db, { caseId: input.caseId }),

  'escalations.request': async (deps, input, ctx, meta) => {
    const party = await caseParty(deps, input.caseId);
    const args = await write(deps, ctx, meta, 'escalations.request', {
      id: newId(),
      caseId: input.caseId,
      customerId: party.customerId,
      offer: input.offer,
      amount: input.amount,
      detail: input.reason,
      supplied: input.supplied,
      decisionId: newId(),
      at: deps.now().toISOString(),
    });
    return one(escalationsOf(deps.db, { id: args.id }), 'escalation');
  },

  'escalations.decide': async (deps, input, ctx, meta) => {
    const args = await write(deps, ctx, meta, 'escalations.decide', {
      id: input.id,
      approve: input.approve,
      note: input.note ?? null,
      decisionId: newId(),
      at: deps.now().toISOString(),
    });
    return one(escalationsOf(deps.db, { id: args.id }), 'escalation');
  },

  'escalations.raise': async (deps, input, ctx, meta) => {
    const party = await caseParty(deps, input.caseId);
    const args = await write(deps, ctx, meta, 'escalations.raise', {
      id: newId(),
      caseId: input.caseId,
      customerId: party.customerId,
      detail: input.reason,
      at: deps.now().toISOString(),
    });
    return one(escalationsOf(deps.db, { id: args.id }), 'escalation');
  },

  'escalations.accept': async (deps, input, ctx, meta) => step(deps, ctx, meta, 'escalations.accept', input.id),
  'escalations.reassign': async (deps, input, ctx, meta) => {
    await write(deps, ctx, meta, 'escalations.reassign', {
      id: input.id,
      note: input.note ?? null,
      toId: input.toId,
      at: deps.now().toISOString(),
    });
    return one(escalationsOf(deps.db, { id: input.id }), 'escalation');
  },
  'escalations.deescalate': async (deps, input, ctx, meta) => step(deps, ctx, meta, 'escalations.deescalate', input.id, input.note),
  'escalations.sendToLevel3': async (deps, input, ctx, meta) => step(deps, ctx, meta, 'escalations.sendToLevel3', input.id, input.note),
  'escalations.resolve': async (deps, input, ctx, meta) => step(deps, ctx, meta, 'escalations.resolve', input.id, input.note),

  'escalations.assignees': async (deps, input) => assigneesOf(deps.db, input.id),

  'escalations.list': async (deps, input) => escalationsOf(deps.db, input),
};

/** One workflow step by the caller, and the escalation as it now stands. */
async function step(
  deps: CoreDeps,
  ctx: CallContext,
  meta: CallMeta,
  name: 'escalations.accept' | 'escalations.deescalate' | 'escalations.sendToLevel3' | 'escalations.resolve',
  id: string,
  note?: string,
) {
  await write(deps, ctx, meta, name, { id, note: note ?? null, at: deps.now().toISOString() });
  return one(escalationsOf(deps.db, { id }), 'escalation');
}
