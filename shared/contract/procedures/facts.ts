import { z } from 'zod';
import { PinnedFact } from '../../domain/brief';
import { Id, Text } from '../../domain/values';
import { ANY_ROLE, procedure } from '../spec';

export const FACT_MAX_CHARS = 200;

/** Pinned facts: what every agent should know before they speak to this customer. */
export const factProcedures = {
  'facts.pin': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z
      .object({
        customerId: Id,
        caseId: Id.optional(),
        noteId: Id.optional(),
        text: Text(FACT_MAX_CHARS).optional(),
      })
      .strict()
      .refine((v) => (v.noteId === undefined) !== (v.text === undefined), { message: 'note_or_text', path: ['text'] }),
    output: PinnedFact,
  }),
  'facts.unpin': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z.object({ id: Id }).strict(),
    output: z.object({ id: Id }),
  }),
} as const;
