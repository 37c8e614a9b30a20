import type { Measure } from '../measure';
import { callCore } from './call-core';
import { timeEach } from './timing';

/**
 * What the agent waits for when a call rings through: the number as typed → the customer
 * (customers.lookup), then the first page of their story (customers.history), in process
 * through core, as the desktop main process serves it.
 */
export const screenPop: Measure = {
  name: 'screen-pop',
  title: 'screen pop via core (lookup + first history page)',
  target: { stat: 'p95', maxMs: 20, scope: 'at 1M customers' },
  async run(ctx) {
    let items = 0;
    const { samplesMs, details } = await timeEach(
      ctx.sampleCustomers(ctx.warmup, ctx.seed + 1),
      ctx.sampleCustomers(ctx.iterations, ctx.seed),
      async (customer) => {
        const found = await callCore(ctx, 'customers.lookup', { phone: customer.typed });
        if (found.customer?.id !== customer.customerId)
          throw new Error(`Looking up "${customer.typed}" did not find customer ${customer.customerId}.`);
        const page = await callCore(ctx, 'customers.history', { customerId: found.customer.id }); // default limit: 30
        items += page.items.length;
      },
    );
    return { samplesMs, details: { meanItemsPerPage: round1(items / (ctx.warmup + ctx.iterations)), ...details } };
  },
};

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
