import { type incidentProcedures, newId } from '../../../shared';
import { type Implementations, write } from '../procedure-kit';
import { canonicalTime } from '../time-bounds';
import { getIncident, listIncidents } from './incidents';

export { mutations } from './mutations';

/** The incidents slice: known incidents and the guidance agents give while they last. */
export const procedures: Implementations<keyof typeof incidentProcedures> = {
  'incidents.create': async (deps, input, ctx, meta) => {
    // Stored in one form; how far from now they may be is the write's to judge (incidents.ts).
    const args = await write(deps, ctx, meta, 'incidents.create', {
      ...input,
      startsAt: canonicalTime(input.startsAt),
      endsAt: input.endsAt === null ? null : canonicalTime(input.endsAt),
      id: newId(),
      at: deps.now().toISOString(),
    });
    return getIncident(deps.db, args.id, deps.now());
  },

  'incidents.update': async (deps, input, ctx, meta) => {
    const { endNow, startsAt, endsAt, ...fields } = input;
    const at = deps.now().toISOString();
    const args = await write(deps, ctx, meta, 'incidents.update', {
      ...fields,
      ...(startsAt !== undefined ? { startsAt: canonicalTime(startsAt) } : {}),
      ...(endsAt !== undefined ? { endsAt: endsAt === null ? null : canonicalTime(endsAt) } : {}),
      ...(endNow ? { endsAt: at } : {}),
      at,
    });
    return getIncident(deps.db, args.id, deps.now());
  },

  'incidents.list': async (deps, input) => listIncidents(deps.db, deps.now(), input.activeOnly),
};
