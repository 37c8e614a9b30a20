import type { factMutations } from '../../../shared';
import type { MutationHandlers } from '../mutations/types';
import { pinFact, unpinFact } from './facts';

/** The facts slice's writes, one handler per mutation of `shared/contract/mutations/facts.ts`. */
export const mutations: MutationHandlers<keyof typeof factMutations> = {
  'facts.pin': pinFact,
  'facts.unpin': unpinFact,
};
