import { z } from 'zod';
import { Channel, Direction, Id, UtcTime, NOTE_MAX_CHARS } from '../../domain/values';

/** Contact and note writes. Notes are append-only: there is no note update, only a new note. */
export const contactMutations = {
  'contacts.log': z.object({
    id: Id,
    customerId: Id,
    caseIds: z.array(Id).max(10),
    channel: Channel,
    direction: Direction,
    startedAt: UtcTime,
    note: z.object({ id: Id, body: z.string().min(1).max(NOTE_MAX_CHARS) }).nullable(),
  }),
  'contacts.link': z.object({ contactId: Id, caseIds: z.array(Id).min(1).max(10) }),
  'notes.add': z.object({ id: Id, caseId: Id, body: z.string().min(1).max(NOTE_MAX_CHARS), at: UtcTime }),
} as const;
