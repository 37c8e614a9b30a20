import type { z } from 'zod';
import { accountProcedures } from './procedures/accounts';
import { briefProcedures } from './procedures/brief';
import { customerRecordProcedures } from './procedures/customer-records';
import { promiseProcedures } from './procedures/promises';
import { skeletonProcedures } from './procedures/skeleton';

export { ADMINS, ANY_ROLE, LEADS, type ProcedureKind, type ProcedureSpec } from './spec';
export { DRAFT_MAX_CHARS, FACT_MAX_CHARS } from './procedures/brief';
export { Account, EmployeeNo, NewPassword, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS } from './procedures/accounts';

/**
 * The API contract: one map from procedure name to its input, output, kind and roles.
 * The desktop (IPC) and the browser (HTTP) serve exactly this map; core implements it once.
 * Each capability keeps its procedures in its own file under procedures/.
 */
export const procedures = {
  ...skeletonProcedures,
  ...customerRecordProcedures,
  ...briefProcedures,
  ...promiseProcedures,
  ...accountProcedures,
} as const;

export type Procedures = typeof procedures;
export type ProcedureName = keyof Procedures;
/** What a caller passes (before defaults and normalisation). */
export type ProcedureInput<P extends ProcedureName> = z.input<Procedures[P]['input']>;
/** What core receives (after the contract parsed it). */
export type ParsedInput<P extends ProcedureName> = z.output<Procedures[P]['input']>;
export type ProcedureOutput<P extends ProcedureName> = z.output<Procedures[P]['output']>;

export const procedureNames = Object.keys(procedures) as ProcedureName[];

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(procedures, name);
}
