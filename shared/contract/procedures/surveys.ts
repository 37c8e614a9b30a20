import { z } from 'zod';
import { Score, Survey, SURVEY_COMMENT_MAX_CHARS } from '../../domain/supervision';
import { Id, Text } from '../../domain/values';
import { ANY_ROLE, procedure } from '../spec';

/** Closing surveys: the customer's 1–5 and comment, typed in by an agent on a call (the SMS gateway uses the webhook). */
export const surveyProcedures = {
  'surveys.answer': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z
      .object({
        caseId: Id,
        /** The survey's token, when the customer quotes it; otherwise the case's latest unanswered survey. */
        token: z.string().min(4).max(64).optional(),
        score: Score,
        comment: Text(SURVEY_COMMENT_MAX_CHARS).optional(),
      })
      .strict(),
    output: Survey,
  }),
  'surveys.list': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({ caseId: Id }).strict(),
    output: z.array(Survey),
  }),
} as const;
