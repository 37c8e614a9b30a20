import { z } from 'zod';
import { Id, IsoTime } from '../../domain/values';
import { ANY_ROLE, procedure } from '../spec';

/** A draft may run past the note limit: the agent is told, and nothing typed is thrown away. */
export const DRAFT_MAX_CHARS = 200_000;

/** Drafts: device-local, saved while the agent types, never synced or audited. */
export const draftProcedures = {
  'drafts.get': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({ caseId: Id }).strict(),
    output: z.object({ body: z.string(), updatedAt: IsoTime }).nullable(),
  }),
  /** Which of a customer's cases hold a draft of the caller's, and when each was last saved: one call at screen pop. */
  'drafts.forCustomer': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({ customerId: Id }).strict(),
    output: z.array(z.object({ caseId: Id, updatedAt: IsoTime })),
  }),
  'drafts.save': procedure({
    kind: 'local',
    roles: ANY_ROLE,
    input: z.object({ caseId: Id, body: z.string().max(DRAFT_MAX_CHARS, 'too_long') }).strict(),
    output: z.object({ updatedAt: IsoTime, tooLongForNote: z.boolean() }),
  }),
} as const;
