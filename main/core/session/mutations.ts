import type { sessionMutations } from '../../../shared';
import type { MutationHandlers } from '../mutations/types';
import { upsertAgent } from './agents';

/** The session slice's writes, one handler per mutation of `shared/contract/mutations/session.ts`. */
export const mutations: MutationHandlers<keyof typeof sessionMutations> = {
  'agents.upsert': upsertAgent,
};
