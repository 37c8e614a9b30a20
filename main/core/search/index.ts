import type { searchProcedures } from '../../../shared';
import type { MutationHandlers } from '../mutations/types';
import type { Implementations } from '../procedure-kit';
import { globalSearch } from './global-search';

/** The search slice: one box over customers, cases and notes. It only reads; the index is written by the slices that write those rows. */
export const procedures: Implementations<keyof typeof searchProcedures> = {
  'search.global': async (deps, input) => globalSearch(deps.db, input.q, input.limit),
};

export const mutations: MutationHandlers<never> = {};
