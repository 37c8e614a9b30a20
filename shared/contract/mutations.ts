import type { z } from 'zod';
import { accountMutations } from './mutations/accounts';
import { caseMutations } from './mutations/cases';
import { contactMutations } from './mutations/contacts';
import { customerMutations } from './mutations/customers';
import { factMutations } from './mutations/facts';
import { incidentMutations } from './mutations/incidents';
import { policyMutations } from './mutations/policy';
import { promiseMutations } from './mutations/promises';
import { reviewMutations } from './mutations/reviews';
import { sessionMutations } from './mutations/session';
import { surveyMutations } from './mutations/surveys';

export {
  accountMutations,
  caseMutations,
  contactMutations,
  customerMutations,
  factMutations,
  incidentMutations,
  policyMutations,
  promiseMutations,
  reviewMutations,
  sessionMutations,
  surveyMutations,
};

/**
 * Every mutation's name → the zod schema of its args. Mutations travel between desks and the
 * server, so their args are a wire format: the desk that mints one checks them, and every replica
 * that applies one checks them again. Each domain keeps its schemas in its own file under mutations/.
 */
export const mutationArgs = {
  ...sessionMutations,
  ...customerMutations,
  ...caseMutations,
  ...contactMutations,
  ...factMutations,
  ...incidentMutations,
  ...promiseMutations,
  ...accountMutations,
  ...reviewMutations,
  ...surveyMutations,
  ...policyMutations,
} as const;

export type MutationArgSchemas = typeof mutationArgs;
export type MutationName = keyof MutationArgSchemas;
/** The args of mutation N, as its schema parses them. */
export type MutationArgs<N extends MutationName> = z.output<MutationArgSchemas[N]>;

export const mutationNames = Object.keys(mutationArgs) as MutationName[];

export function isMutationName(name: string): name is MutationName {
  return Object.prototype.hasOwnProperty.call(mutationArgs, name);
}
