import { AppError, newId, type reviewProcedures } from '../../../shared';
import { type Implementations, write } from '../procedure-kit';
import { listReviews } from './reviews';

export { mutations } from './mutations';

/** The reviews slice: supervisors review contacts; an agent reads only their own reviews. */
export const procedures: Implementations<keyof typeof reviewProcedures> = {
  'reviews.create': async (deps, input, ctx, meta) => {
    const args = await write(deps, ctx, meta, 'reviews.create', {
      id: newId(),
      contactId: input.contactId,
      items: input.items,
      comment: input.comment,
      at: deps.now().toISOString(),
    });
    const [review] = await listReviews(deps.db, { id: args.id, limit: 1 });
    if (!review) throw new AppError('not_found', `No review ${args.id}.`);
    return review;
  },

  'reviews.list': async (deps, input) => listReviews(deps.db, input),

  // The actor comes from the session: there is no input that could name another agent.
  'reviews.mine': async (deps, input, ctx) => listReviews(deps.db, { agentId: ctx.actor.id, limit: input.limit }),
};
