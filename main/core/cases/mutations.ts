import type { caseMutations } from '../../../shared';
import type { MutationHandlers } from '../mutations/types';
import { createCase, updateCase } from './cases';

/** The cases slice's writes, one handler per mutation of `shared/contract/mutations/cases.ts`. */
export const mutations: MutationHandlers<keyof typeof caseMutations> = {
  'cases.create': createCase,
  'cases.update': updateCase,
};
