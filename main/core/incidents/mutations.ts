import type { incidentMutations } from '../../../shared';
import type { MutationHandlers } from '../mutations/types';
import { createIncident, updateIncident } from './incidents';

/** The incidents slice's writes, one handler per mutation of `shared/contract/mutations/incidents.ts`. */
export const mutations: MutationHandlers<keyof typeof incidentMutations> = {
  'incidents.create': createIncident,
  'incidents.update': updateIncident,
};
