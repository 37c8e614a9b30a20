import type { z } from 'zod';
import { accountProcedures } from './procedures/accounts';
import { auditProcedures } from './procedures/audit';
import { caseProcedures } from './procedures/cases';
import { conflictProcedures } from './procedures/conflicts';
import { contactProcedures } from './procedures/contacts';
import { customerProcedures } from './procedures/customers';
import { dashboardProcedures } from './procedures/dashboard';
import { draftProcedures } from './procedures/drafts';
import { factProcedures } from './procedures/facts';
import { incidentProcedures } from './procedures/incidents';
import { policyProcedures } from './procedures/policy';
import { promiseProcedures } from './procedures/promises';
import { reviewProcedures } from './procedures/reviews';
import { searchProcedures } from './procedures/search';
import { sessionProcedures } from './procedures/session';
import { surveyProcedures } from './procedures/surveys';

export { ADMINS, ANY_ROLE, LEADS, type ProcedureKind, type ProcedureSpec } from './spec';
export { DRAFT_MAX_CHARS } from './procedures/drafts';
export { FACT_MAX_CHARS } from './procedures/facts';
export {
  AnswerDifference,
  ChangedDecision,
  CurrentPolicy,
  DraftFiles,
  POLICY_FILE_MAX_CHARS,
  POLICY_NOTE_MAX_CHARS,
  PolicyVersion,
  SIMULATION_DAYS,
  SimulationResult,
} from './procedures/policy';
export { Account, EmployeeNo, NewPassword, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS } from './procedures/accounts';
export { SyncConflict, SyncConflictKind } from './procedures/conflicts';
export {
  accountProcedures,
  auditProcedures,
  caseProcedures,
  conflictProcedures,
  contactProcedures,
  customerProcedures,
  dashboardProcedures,
  draftProcedures,
  factProcedures,
  incidentProcedures,
  policyProcedures,
  promiseProcedures,
  reviewProcedures,
  searchProcedures,
  sessionProcedures,
  surveyProcedures,
};

/**
 * The API contract: one map from procedure name to its input, output, kind and roles.
 * The desktop (IPC) and the browser (HTTP) serve exactly this map; core implements it once.
 * Each domain keeps its procedures in its own file under procedures/, and core has one slice per
 * domain that implements exactly that file's names.
 */
export const procedures = {
  ...sessionProcedures,
  ...customerProcedures,
  ...caseProcedures,
  ...contactProcedures,
  ...factProcedures,
  ...incidentProcedures,
  ...searchProcedures,
  ...draftProcedures,
  ...promiseProcedures,
  ...auditProcedures,
  ...accountProcedures,
  ...reviewProcedures,
  ...surveyProcedures,
  ...dashboardProcedures,
  ...conflictProcedures,
  ...policyProcedures,
} as const;

export type Procedures = typeof procedures;
export type ProcedureName = keyof Procedures;
/** What a caller passes (before defaults and normalisation). */
export type ProcedureInput<P extends ProcedureName> = z.input<Procedures[P]['input']>;
/** What core receives (after the contract parsed it). */
export type ParsedInput<P extends ProcedureName> = z.output<Procedures[P]['input']>;
export type ProcedureOutput<P extends ProcedureName> = z.output<Procedures[P]['output']>;

/** The names of one domain's procedures, e.g. `ProcedureNamesOf<typeof caseProcedures>`. */
export type ProcedureNamesOf<Domain> = keyof Domain & ProcedureName;

export const procedureNames = Object.keys(procedures) as ProcedureName[];

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(procedures, name);
}
