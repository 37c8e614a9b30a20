import type { Measure } from '../measure';
import { callCore } from './call-core';
import { timeEach } from './timing';

/** The customer brief at screen pop: open cases with repeat counts, facts, last contacts, incidents, promises. */
export const brief: Measure = {
  name: 'brief',
  title: 'customers.brief via core',
  target: { stat: 'p95', maxMs: 25, scope: 'at the default size (100k customers, 1M contacts, 1M notes)' },
  async run(ctx) {
    let openCases = 0;
    const { samplesMs, details } = await timeEach(
      ctx.sampleCustomers(ctx.warmup, ctx.seed + 2),
      ctx.sampleCustomers(ctx.iterations, ctx.seed),
      async (customer) => {
        const answer = await callCore(ctx, 'customers.brief', { customerId: customer.customerId });
        openCases += answer.openCases.length;
      },
    );
    return { samplesMs, details: { meanOpenCases: Math.round((openCases / (ctx.warmup + ctx.iterations)) * 10) / 10, ...details } };
  },
};
