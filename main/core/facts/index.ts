import { type factProcedures, newId } from '../../../shared';
import { type Implementations, write } from '../procedure-kit';
import { getFact, noteAsFact } from './facts';

export { mutations } from './mutations';

/** The facts slice: pin what every agent should know about a customer, unpin what no longer holds. */
export const procedures: Implementations<keyof typeof factProcedures> = {
  'facts.pin': async (deps, input, ctx, meta) => {
    const fromNote = input.noteId ? await noteAsFact(deps.db, input.noteId, input.customerId) : null;
    const args = await write(deps, ctx, meta, 'facts.pin', {
      id: newId(),
      customerId: input.customerId,
      caseId: input.caseId ?? fromNote?.caseId ?? null,
      noteId: input.noteId ?? null,
      body: fromNote?.body ?? input.text ?? '',
      at: deps.now().toISOString(),
    });
    return getFact(deps.db, args.id);
  },

  'facts.unpin': async (deps, input, ctx, meta) => {
    const args = await write(deps, ctx, meta, 'facts.unpin', { id: input.id, at: deps.now().toISOString() });
    return { id: args.id };
  },
};
