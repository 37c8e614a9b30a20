import { type customerProcedures, newId } from '../../../shared';
import { type Implementations, write } from '../procedure-kit';
import { customerBrief } from './brief';
import { getCustomer, lookupByPhone } from './customers';
import { customerHistory } from './history';
import { screenPop } from './screen-pop';

export { mutations } from './mutations';

/** The customers slice: look-up, screen pop, the record and its numbers, history and brief. */
export const procedures: Implementations<keyof typeof customerProcedures> = {
  'customers.lookup': async (deps, input) => ({ phone: input.phone, customer: await lookupByPhone(deps.db, input.phone) }),

  'customers.get': async (deps, input) => getCustomer(deps.db, input.id),

  'customers.pop': async (deps, input, ctx) => screenPop(deps, input, ctx.actor.id),

  'customers.create': async (deps, input, ctx, meta) => {
    const args = await write(deps, ctx, meta, 'customers.create', {
      id: newId(),
      name: input.name,
      phone: input.phone,
      tier: input.tier,
      at: deps.now().toISOString(),
    });
    return getCustomer(deps.db, args.id);
  },

  'customers.update': async (deps, input, ctx, meta) => {
    const args = await write(deps, ctx, meta, 'customers.update', { ...input, at: deps.now().toISOString() });
    return getCustomer(deps.db, args.id);
  },

  'customers.addPhone': async (deps, input, ctx, meta) => {
    const args = await write(deps, ctx, meta, 'customers.addPhone', {
      customerId: input.customerId,
      phone: input.phone,
      label: input.label ?? null,
      at: deps.now().toISOString(),
    });
    return getCustomer(deps.db, args.customerId);
  },

  'customers.removePhone': async (deps, input, ctx, meta) => {
    const args = await write(deps, ctx, meta, 'customers.removePhone', { ...input, at: deps.now().toISOString() });
    return getCustomer(deps.db, args.customerId);
  },

  'customers.history': async (deps, input) => customerHistory(deps.db, input.customerId, input.limit, input.cursor),

  'customers.brief': async (deps, input) => customerBrief(deps.db, input.customerId, deps.now()),
};
