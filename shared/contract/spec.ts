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

export const ANY_ROLE = ['agent', 'supervisor', 'admin'] as const;
export const LEADS = ['supervisor', 'admin'] as const;

export function procedure<I extends z.ZodType, O extends z.ZodType>(spec: ProcedureSpec<I, O>): ProcedureSpec<I, O> {
  return spec;
}
