import { z } from 'zod';
import { Id, UtcTime } from '../../domain/values';
import { FACT_MAX_CHARS } from '../procedures/facts';

/** Pinning and unpinning facts; the body is resolved (a pinned note's text, shortened) before minting. */
export const factMutations = {
  'facts.pin': z.object({
    id: Id,
    customerId: Id,
    caseId: Id.nullable(),
    noteId: Id.nullable(),
    body: z.string().min(1).max(FACT_MAX_CHARS),
    at: UtcTime,
  }),
  'facts.unpin': z.object({ id: Id, at: UtcTime }),
} as const;
