import { newId, type ProcedureName, procedures } from '../../../shared';

export function isMutation(name: ProcedureName): boolean {
  return procedures[name].kind === 'mutation';
}

/**
 * A mutation always travels with an id: the caller's (a retry of the same action), or a fresh one.
 * Queries carry none, so a host never mistakes a read for a write.
 */
export function mutationIdFor(name: ProcedureName, given: string | undefined): string | undefined {
  if (!isMutation(name)) return undefined;
  return given ?? newId();
}
