import type { z } from 'zod';
import type { Role } from '../domain/values';

/**
 * query: reads. mutation: a write that becomes a mutation (audited, idempotent, synced).
 * local: device-local state such as drafts — written in place, never synced or audited.
 */
export type ProcedureKind = 'query' | 'mutation' | 'local';

export interface ProcedureSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: ProcedureKind;
  /** Roles allowed to call it; checked by every host before core runs. */
  roles: readonly Role[];
  input: I;
  output: O;
}

export const ANY_ROLE = ['agent', 'supervisor', 'complaint_centre', 'admin'] as const;
/** Those who decide escalated work: supervisors, the complaint centre (level 3) and administrators. */
export const LEADS = ['supervisor', 'complaint_centre', 'admin'] as const;
/** Account administration: administrators only. */
export const ADMINS = ['admin'] as const;

export function procedure<I extends z.ZodType, O extends z.ZodType>(spec: ProcedureSpec<I, O>): ProcedureSpec<I, O> {
  return spec;
}
