import type { MutationName } from '../../../shared';
import { exactly } from '../exactly';
import { mutations as accounts } from '../accounts/mutations';
import { mutations as cases } from '../cases/mutations';
import { mutations as contacts } from '../contacts/mutations';
import { mutations as customers } from '../customers/mutations';
import { mutations as facts } from '../facts/mutations';
import { mutations as incidents } from '../incidents/mutations';
import { mutations as policy } from '../policy/mutations';
import { mutations as promises } from '../promises/mutations';
import { mutations as reviews } from '../reviews/mutations';
import { mutations as session } from '../session/mutations';
import { mutations as surveys } from '../surveys/mutations';
import type { MutationHandlers } from './types';

/** The handler of every mutation in the contract, typed by that mutation's args. */
export type MutationRegistry = MutationHandlers<MutationName>;

/**
 * Every write core knows, by mutation name, merged from the domain slices. A desk's outbox and the
 * team server's push endpoint replay mutations through this same table. A mutation in the contract
 * without a handler, a handler without a mutation, or a handler of other args fails to compile.
 */
export const mutationHandlers: MutationRegistry = exactly<MutationRegistry>()({
  ...session,
  ...customers,
  ...cases,
  ...contacts,
  ...facts,
  ...incidents,
  ...promises,
  ...accounts,
  ...reviews,
  ...surveys,
  ...policy,
});
