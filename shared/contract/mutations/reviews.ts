import { z } from 'zod';
import { ScorecardItem } from '../../domain/supervision';
import { Id, UtcTime } from '../../domain/values';

/** A review as recorded: the reviewed agent is resolved from the contact where it is applied. */
export const reviewMutations = {
  'reviews.create': z.object({
    id: Id,
    contactId: Id,
    items: z
      .array(z.object({ item: ScorecardItem, score: z.number().int().min(1).max(5), comment: z.string().min(1).max(1000) }))
      .length(4),
    comment: z.string().min(1).max(1000),
    at: UtcTime,
  }),
} as const;
