import { createHash } from 'node:crypto';
import { AppError, newId, type Survey, type surveyProcedures } from '../../../shared';
import type { CoreDeps } from '../context';
import { commit, type Implementations, write } from '../procedure-kit';
import { SYSTEM_AGENT } from '../session/system-agent';
import { readSurveys } from './answer';

export { mutations } from './mutations';

/** The survey a caller means: by token (which must belong to the case), or the case's latest (answering it twice is a conflict). */
async function findSurvey(deps: CoreDeps, where: { caseId?: string; caseNumber?: string; token?: string | undefined }) {
  let q = deps.db.selectFrom('surveys').innerJoin('cases', 'cases.id', 'surveys.case_id').select(['surveys.id', 'surveys.answered_at']);
  if (where.caseId) q = q.where('surveys.case_id', '=', where.caseId);
  if (where.caseNumber) q = q.where('cases.number', '=', where.caseNumber);
  if (where.token) q = q.where('surveys.token', '=', where.token.toUpperCase());
  const row = await q.orderBy('surveys.created_at', 'desc').limit(1).executeTakeFirst();
  if (!row)
    throw new AppError('not_found', where.token ? 'No survey with that code on this case.' : 'This case has no survey.', [
      { path: 'token', message: 'not_found' },
    ]);
  return row;
}

async function one(deps: CoreDeps, id: string): Promise<Survey> {
  const [survey] = await readSurveys(deps.db, { id });
  if (!survey) throw new AppError('not_found', `No survey ${id}.`);
  return survey;
}

export interface WebhookAnswer {
  caseNumber: string;
  token: string;
  score: number;
  comment?: string | undefined;
}

/** A mutation id that names one signed delivery: the same signature replayed is the same write, applied once. */
export function deliveryMutationId(signature: string): string {
  const h = createHash('sha256').update(`survey-webhook:${signature}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * An answer from the SMS gateway, already authenticated by the host (signature and timestamp). The
 * system is the actor. Returns `duplicate` when this delivery was applied before (a replay: nothing
 * is written); an unknown case or token is `not_found`; a second answer to the survey is `conflict`.
 */
export async function answerSurveyFromWebhook(
  deps: CoreDeps,
  answer: WebhookAnswer,
  signature: string,
): Promise<{ survey: Survey; duplicate: boolean }> {
  const mutationId = deliveryMutationId(signature);
  const seen = await deps.db.selectFrom('applied_mutations').select('args').where('id', '=', mutationId).executeTakeFirst();
  if (seen) {
    const { surveyId } = JSON.parse(seen.args) as { surveyId: string };
    return { survey: await one(deps, surveyId), duplicate: true };
  }
  const survey = await findSurvey(deps, { caseNumber: answer.caseNumber, token: answer.token });
  const { applied, args } = await commit(
    deps,
    { actor: SYSTEM_AGENT },
    'surveys.answer',
    {
      surveyId: survey.id,
      score: answer.score,
      comment: answer.comment ?? null,
      via: 'webhook',
      escalationId: newId(),
      at: deps.now().toISOString(),
    },
    mutationId,
  );
  return { survey: await one(deps, args.surveyId), duplicate: !applied };
}

/** The surveys slice: an answer typed in on a call, and a case's surveys. */
export const procedures: Implementations<keyof typeof surveyProcedures> = {
  'surveys.answer': async (deps, input, ctx, meta) => {
    const survey = await findSurvey(deps, { caseId: input.caseId, token: input.token });
    const args = await write(deps, ctx, meta, 'surveys.answer', {
      surveyId: survey.id,
      score: input.score,
      comment: input.comment ?? null,
      via: 'agent',
      escalationId: newId(),
      at: deps.now().toISOString(),
    });
    return one(deps, args.surveyId);
  },

  'surveys.list': async (deps, input) => readSurveys(deps.db, { caseId: input.caseId }),
};
