import type { sessionProcedures } from '../../../shared';
import type { Implementations } from '../procedure-kit';
import { getAgent } from './agents';

export { mutations } from './mutations';

/** The session slice: who is at this desk, and the agents core knows. */
export const procedures: Implementations<keyof typeof sessionProcedures> = {
  'session.me': async (deps, _input, ctx) => getAgent(deps.db, ctx.actor.id),
};
