import type { reviewMutations } from '../../../shared';
import type { MutationHandlers } from '../mutations/types';
import { createReview } from './reviews';

/** The reviews slice's writes, one handler per mutation of `shared/contract/mutations/reviews.ts`. */
export const mutations: MutationHandlers<keyof typeof reviewMutations> = {
  'reviews.create': createReview,
};
