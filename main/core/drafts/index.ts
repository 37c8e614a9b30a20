import type { draftProcedures } from '../../../shared';
import type { MutationHandlers } from '../mutations/types';
import type { Implementations } from '../procedure-kit';
import { draftsForCustomer, getDraft, saveDraft } from './drafts';

/** The drafts slice: device-local state, written in place (kind `local`), so no mutations. */
export const procedures: Implementations<keyof typeof draftProcedures> = {
  'drafts.get': async (deps, input, ctx) => getDraft(deps.db, input.caseId, ctx.actor.id),

  'drafts.forCustomer': async (deps, input, ctx) => draftsForCustomer(deps.db, input.customerId, ctx.actor.id),

  'drafts.save': async (deps, input, ctx) => saveDraft(deps.db, input.caseId, ctx.actor.id, input.body, deps.now().toISOString()),
};

export const mutations: MutationHandlers<never> = {};
