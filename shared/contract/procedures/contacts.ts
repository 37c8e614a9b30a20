import { z } from 'zod';
import { Contact, Note } from '../../domain/entities';
import { Channel, Direction, Id, IsoTime, NOTE_MAX_CHARS, Text } from '../../domain/values';
import { ANY_ROLE, procedure } from '../spec';

/** Contacts (a call, chat or visit, linked to the cases it was about) and the append-only notes. */
export const contactProcedures = {
  'contacts.log': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z
      .object({
        customerId: Id,
        caseIds: z.array(Id).max(10).default([]),
        channel: Channel.default('phone'),
        direction: Direction.default('inbound'),
        startedAt: IsoTime.optional(),
        note: Text(NOTE_MAX_CHARS).optional(),
      })
      .strict(),
    output: Contact,
  }),
  'contacts.link': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z.object({ contactId: Id, caseIds: z.array(Id).min(1, 'required').max(10) }).strict(),
    output: Contact,
  }),
  'notes.add': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z.object({ caseId: Id, body: Text(NOTE_MAX_CHARS) }).strict(),
    output: Note,
  }),
} as const;
