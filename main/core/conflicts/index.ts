import type { conflictProcedures } from '../../../shared';
import type { Implementations } from '../procedure-kit';
import { listConflicts } from './list';

/** The conflicts slice: what the team server kept apart from desks' pushes, for supervisors (written by `reconcilePushed`). */
export const procedures: Implementations<keyof typeof conflictProcedures> = {
  'conflicts.list': async (deps, input) => listConflicts(deps.db, input),
};
