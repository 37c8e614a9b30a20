import type { policyMutations } from '../../../shared';
import type { MutationHandlers } from '../mutations/types';
import { publishPolicy } from './publish';

/** The policy slice's writes, one handler per mutation of `shared/contract/mutations/policy.ts`. */
export const mutations: MutationHandlers<keyof typeof policyMutations> = {
  'policy.publish': publishPolicy,
};
