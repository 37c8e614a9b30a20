import { z } from 'zod';
import { Review, ReviewItemInput, REVIEW_COMMENT_MAX_CHARS, SCORECARD } from '../../domain/supervision';
import { Id, IsoTime, Text } from '../../domain/values';
import { ANY_ROLE, LEADS, procedure } from '../spec';

/** QA reviews: a supervisor scores a contact against the scorecard; an agent reads their own. */
export const reviewProcedures = {
  'reviews.create': procedure({
    kind: 'mutation',
    roles: LEADS,
    input: z
      .object({
        contactId: Id,
        /** One entry per scorecard item, each once. */
        items: z.array(ReviewItemInput).length(SCORECARD.length, 'every_item_once'),
        comment: Text(REVIEW_COMMENT_MAX_CHARS),
      })
      .strict()
      .refine((v) => new Set(v.items.map((i) => i.item)).size === SCORECARD.length, { message: 'every_item_once', path: ['items'] }),
    output: Review,
  }),
  'reviews.list': procedure({
    kind: 'query',
    roles: LEADS,
    input: z
      .object({
        contactId: Id.optional(),
        agentId: Id.optional(),
        from: IsoTime.optional(),
        to: IsoTime.optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict()
      .refine((v) => v.contactId !== undefined || v.agentId !== undefined || (v.from !== undefined && v.to !== undefined), {
        message: 'give_contact_agent_or_range',
      })
      .refine((v) => v.from === undefined || v.to === undefined || Date.parse(v.from) < Date.parse(v.to), {
        message: 'from_after_to',
        path: ['to'],
      }),
    output: z.array(Review),
  }),
  /** The caller's own reviews, newest first; never anybody else's. */
  'reviews.mine': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.array(Review),
  }),
} as const;
