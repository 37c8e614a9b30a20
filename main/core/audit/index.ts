import type { auditProcedures } from '../../../shared';
import type { MutationHandlers } from '../mutations/types';
import type { Implementations } from '../procedure-kit';
import { verifyAudit } from './audit';

/** The audit slice: every mutation appends to the chain (`appendAudit`); this checks it end to end. */
export const procedures: Implementations<keyof typeof auditProcedures> = {
  'audit.verify': async (deps) => verifyAudit(deps.db),
};

export const mutations: MutationHandlers<never> = {};
