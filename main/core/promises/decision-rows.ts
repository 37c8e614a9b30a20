import type { Kysely } from 'kysely';
import { AppError, type MutationArgs, type PolicyAnswer, type SuppliedFacts } from '../../../shared';
import type { DB } from '../../db';

type DecisionRow = MutationArgs<'commitments.break'>['decision'];

/** The decision row for a decision record, as the actor made it at `at`. */
export function decisionValues(d: DecisionRow, actor: string, at: string, supplied: SuppliedFacts = {}) {
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
export function answerValues(
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
export async function caseOf(trx: Kysely<DB>, caseId: string, customerId: string): Promise<void> {
  const row = await trx.selectFrom('cases').select('customer_id').where('id', '=', caseId).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No case ${caseId}.`, [{ path: 'caseId', message: 'not_found' }]);
  if (row.customer_id !== customerId)
    throw new AppError('invalid_input', 'That case is not this customer’s.', [{ path: 'customerId', message: 'invalid' }]);
}
