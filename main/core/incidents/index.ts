import { type incidentProcedures, newId } from '../../../shared';
import { type Implementations, write } from '../procedure-kit';
import { getIncident, listIncidents } from './incidents';

export { mutations } from './mutations';

/** The incidents slice: known incidents and the guidance agents give while they last. */
export const procedures: Implementations<keyof typeof incidentProcedures> = {
  'incidents.create': async (deps, input, ctx, meta) => {
    const args = await write(deps, ctx, meta, 'incidents.create', { ...input, id: newId(), at: deps.now().toISOString() });
    return getIncident(deps.db, args.id, deps.now());
  },

  'incidents.update': async (deps, input, ctx, meta) => {
    const { endNow, ...fields } = input;
    const at = deps.now().toISOString();
    const args = await write(deps, ctx, meta, 'incidents.update', { ...fields, ...(endNow ? { endsAt: at } : {}), at });
    return getIncident(deps.db, args.id, deps.now());
  },

  'incidents.list': async (deps, input) => listIncidents(deps.db, deps.now(), input.activeOnly),
};
