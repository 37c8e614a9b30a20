import { type contactProcedures, newId } from '../../../shared';
import { type Implementations, write } from '../procedure-kit';
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
      startedAt: input.startedAt ?? deps.now().toISOString(),
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
