import type { auditProcedures } from '../../../shared';
import type { MutationHandlers } from '../mutations/types';
import type { Implementations } from '../procedure-kit';
import { verifyAudit } from './audit';
import { auditForCase, auditForPerson, withFirstBadRow } from './read';

/** The audit slice: every mutation appends to the chain (`appendAudit`); this checks it end to end and reads it back. */
export const procedures: Implementations<keyof typeof auditProcedures> = {
  'audit.verify': async (deps) => withFirstBadRow(deps.db, await verifyAudit(deps.db)),
  'audit.forCase': async (deps, input) => auditForCase(deps.db, input),
  'audit.forPerson': async (deps, input) => auditForPerson(deps.db, input),
};

export const mutations: MutationHandlers<never> = {};
