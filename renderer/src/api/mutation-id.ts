import { newId, type ProcedureName, procedures } from '../../../shared';

/** Unknown names reach the host untouched, which answers `unknown_procedure`. */
export function isMutation(name: ProcedureName): boolean {
  const spec = Object.prototype.hasOwnProperty.call(procedures, name) ? procedures[name] : undefined;
  return spec?.kind === 'mutation';
}

/**
 * A mutation always travels with an id: the caller's (a retry of the same action), or a fresh one.
 * Queries and desk-local writes carry none, so a host never mistakes them for a synced write.
 */
export function mutationIdFor(name: ProcedureName, given: string | undefined): string | undefined {
  if (!isMutation(name)) return undefined;
  return given ?? newId();
}
