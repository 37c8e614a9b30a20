import { z } from 'zod';
import { Id, UtcTime } from '../../domain/values';

/** One answer to one survey; a score ≤ 2 reopens the case with the escalation named here. */
export const surveyMutations = {
  'surveys.answer': z.object({
    surveyId: Id,
    score: z.number().int().min(1).max(5),
    comment: z.string().max(500).nullable(),
    via: z.enum(['agent', 'webhook']),
    /** The escalation a low score raises (unused otherwise), allocated before minting so a replay writes the same row. */
    escalationId: Id,
    at: UtcTime,
  }),
} as const;

const Queued = z.object({ id: Id, template: z.string(), locale: z.enum(['zh-CN', 'en']), to: z.string(), body: z.string() });

/**
 * What resolving a case sends the customer, composed before minting so every replica queues the same
 * text: the closing summary, and the survey with its token. Part of `cases.update`'s args.
 */
export const ClosingMessages = z.object({
  summary: Queued,
  survey: Queued,
  surveyId: Id,
  token: z.string().min(4).max(64),
});
