import type { Kysely } from 'kysely';
import { AppError, LOW_CSAT_MAX, type Survey } from '../../../shared';
import type { DB } from '../../db';
import { defineMutation } from '../mutations/types';
import { insertEscalation } from '../promises/escalation-rows';
import { agentRefs, unknownAgent } from '../read-models';
import { isDone } from './closing';

/**
 * One answer to one survey, once: a second answer is a conflict and writes nothing (a replayed
 * mutation id is a no-op before it gets here). A score of 2 or less reopens the case for a
 * supervisor: status open, level at least 2, and a level-2 escalation with reason `low_csat`, all in
 * this transaction.
 */
export const answerSurvey = defineMutation('surveys.answer', {
  async apply(trx, a, m, env) {
    const survey = await trx.selectFrom('surveys').selectAll().where('id', '=', a.surveyId).executeTakeFirst();
    if (!survey) throw new AppError('not_found', `No survey ${a.surveyId}.`, [{ path: 'token', message: 'not_found' }]);
    if (survey.answered_at !== null)
      throw new AppError('conflict', 'This survey was already answered; an answer counts once.', [
        { path: 'token', message: 'already_answered' },
      ]);
    await trx
      .updateTable('surveys')
      .set({ score: a.score, comment: a.comment, answered_at: a.at, answered_via: a.via, answered_by: m.actor })
      .where('id', '=', a.surveyId)
      .where('answered_at', 'is', null)
      .execute();
    const effects = [
      {
        entity: 'survey' as const,
        id: a.surveyId,
        customerId: survey.customer_id,
        data: { caseId: survey.case_id, score: a.score, comment: a.comment, via: a.via },
      },
    ];
    if (a.score > LOW_CSAT_MAX) return effects;

    const row = await trx
      .selectFrom('cases')
      .select(['status', 'level', 'version'])
      .where('id', '=', survey.case_id)
      .executeTakeFirstOrThrow();
    const level = Math.max(2, row.level);
    const changes = [
      ...(isDone(row.status) ? [{ field: 'status', from: row.status, to: 'open' }] : []),
      ...(row.level < level ? [{ field: 'level', from: row.level, to: level }] : []),
    ];
    if (changes.length > 0)
      await trx
        .updateTable('cases')
        .set({ status: 'open', level, resolved_at: null, resolved_by: null, updated_at: a.at, version: row.version + 1 })
        .where('id', '=', survey.case_id)
        .execute();
    const escalation = {
      id: a.escalationId,
      level: 2,
      reason: 'low_csat',
      detail: `Satisfaction ${a.score}/5${a.comment ? `: ${a.comment}` : ''}`.slice(0, 500),
    };
    await insertEscalation(trx, env, {
      ...escalation,
      caseId: survey.case_id,
      customerId: survey.customer_id,
      detailParams: { score: a.score, comment: a.comment ?? '' },
      raisedBy: m.actor,
      at: a.at,
    });
    return [
      ...effects,
      {
        entity: 'case' as const,
        id: survey.case_id,
        customerId: survey.customer_id,
        data: { changes, version: row.version + 1, reason: 'low_csat' },
      },
      { entity: 'escalation' as const, id: escalation.id, customerId: survey.customer_id, data: escalation },
    ];
  },
});

export async function readSurveys(db: Kysely<DB>, where: { caseId?: string; id?: string }): Promise<Survey[]> {
  let q = db.selectFrom('surveys').innerJoin('cases', 'cases.id', 'surveys.case_id').selectAll('surveys').select('cases.number');
  if (where.caseId) q = q.where('surveys.case_id', '=', where.caseId);
  if (where.id) q = q.where('surveys.id', '=', where.id);
  const rows = await q.orderBy('surveys.created_at', 'desc').orderBy('surveys.id', 'desc').execute();
  const agents = await agentRefs(
    db,
    rows.map((r) => r.agent_id),
  );
  const lowEscalations = rows.length
    ? new Set(
        (
          await db
            .selectFrom('escalations')
            .select('case_id')
            .where('reason', '=', 'low_csat')
            .where('case_id', 'in', [...new Set(rows.map((r) => r.case_id))])
            .execute()
        ).map((e) => e.case_id),
      )
    : new Set<string>();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.number,
    messageId: r.message_id,
    agent: agents.get(r.agent_id) ?? unknownAgent(r.agent_id),
    createdAt: r.created_at,
    score: r.score,
    comment: r.comment,
    answeredAt: r.answered_at,
    answeredVia: r.answered_via as Survey['answeredVia'],
    reopened: r.score !== null && r.score <= LOW_CSAT_MAX && lowEscalations.has(r.case_id),
  }));
}
