import type { ProcedureName } from '../../shared';
import { procedures as accounts } from './accounts/procedures';
import { procedures as audit } from './audit';
import { procedures as cases } from './cases';
import { procedures as conflicts } from './conflicts';
import { procedures as contacts } from './contacts';
import { withComplaintPrivacy } from './complaints/privacy';
import { procedures as customers } from './customers';
import { procedures as dashboard } from './dashboard';
import { procedures as drafts } from './drafts';
import { exactly } from './exactly';
import { procedures as facts } from './facts';
import { procedures as incidents } from './incidents';
import type { Implementations } from './procedure-kit';
import { procedures as policy } from './policy';
import { procedures as promises } from './promises';
import { procedures as reviews } from './reviews';
import { procedures as search } from './search';
import { procedures as session } from './session';
import { procedures as surveys } from './surveys';

export type { CallMeta } from './procedure-kit';

/**
 * Core's implementation of every procedure in the contract, merged from the domain slices. Each
 * slice implements exactly its domain's contract file; a procedure missing here or one the contract
 * does not have fails to compile. Hosts reach it only through dispatch.
 */
export const implementations: Implementations<ProcedureName> = withComplaintPrivacy(
  exactly<Implementations<ProcedureName>>()({
    ...session,
    ...customers,
    ...cases,
    ...contacts,
    ...facts,
    ...incidents,
    ...search,
    ...drafts,
    ...promises,
    ...audit,
    ...reviews,
    ...surveys,
    ...dashboard,
    ...accounts,
    ...conflicts,
    ...policy,
  }),
);
