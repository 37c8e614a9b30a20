import { type contactProcedures, newId } from '../../../shared';
import { type Implementations, write } from '../procedure-kit';
import { around, boundedTime, CALL_PAST_MS, CLOCK_SKEW_MS } from '../time-bounds';
import { getContact } from './contacts';
import { getNote } from './notes';

export { mutations } from './mutations';

/** The contacts slice: calls (and chats, visits) with their links to cases, and append-only notes. */
export const procedures: Implementations<keyof typeof contactProcedures> = {
  'contacts.log': async (deps, input, ctx, meta) => {
    const args = await write(deps, ctx, meta, 'contacts.log', {
      id: newId(),
      customerId: input.customerId,
      caseIds: input.caseIds,
      channel: input.channel,
      direction: input.direction,
      // A call logged after the fact: not in the future (it would count as recent for ever), not long ago.
      startedAt: boundedTime(input.startedAt ?? deps.now().toISOString(), around(deps.now(), CALL_PAST_MS, CLOCK_SKEW_MS), 'startedAt'),
      note: input.note ? { id: newId(), body: input.note } : null,
    });
    return getContact(deps.db, args.id);
  },

  'contacts.link': async (deps, input, ctx, meta) => {
    const args = await write(deps, ctx, meta, 'contacts.link', input);
    return getContact(deps.db, args.contactId);
  },

  'notes.add': async (deps, input, ctx, meta) => {
    const args = await write(deps, ctx, meta, 'notes.add', {
      id: newId(),
      caseId: input.caseId,
      body: input.body,
      at: deps.now().toISOString(),
    });
    return getNote(deps.db, args.id);
  },
};
