import { seededRandom } from '../../../main/core/demo/names';
import { answerPolicy } from '../../../main/core/promises/policy-answer';
import type { PolicyFacts } from '../../../shared';
import { factsFor } from '../../fixtures/policy-facts';
import type { Measure } from '../measure';

type Decide = (ctx: Parameters<Measure['run']>[0], facts: PolicyFacts) => Promise<unknown>;

/** One decision: the remedies table over the facts, with the ids of the rules that fired. */
const decideRemedies: Decide = (ctx, facts) => ctx.core.deps.policy.evaluate('remedies', facts);
/** The full answer an agent sees: sla, remedies, escalation and authority over the same facts. */
const decideAnswer: Decide = (ctx, facts) => answerPolicy(ctx.core.deps.policy, facts);

/** One at a time: an agent asking, and waiting. */
function oneAtATime(name: string, title: string, decide: Decide, target?: Measure['target']): Measure {
  return {
    name,
    title,
    ...(target ? { target } : {}),
    async run(ctx) {
      const random = seededRandom(ctx.seed);
      for (let i = 0; i < ctx.warmup; i++) await decide(ctx, factsFor(random));
      const samplesMs: number[] = [];
      const started = performance.now();
      for (let i = 0; i < ctx.iterations * 2; i++) {
        const facts = factsFor(random);
        const start = performance.now();
        await decide(ctx, facts);
        samplesMs.push(performance.now() - start);
      }
      const seconds = (performance.now() - started) / 1000;
      return { samplesMs, details: { decisionsPerSecond: Math.round(samplesMs.length / seconds) } };
    },
  };
}

export const policyOneAtATime = oneAtATime(
  'policy-decision',
  'policy decision (remedies table, with rule ids), one at a time',
  decideRemedies,
  {
    stat: 'p99',
    maxMs: 1,
    scope: 'per decision',
  },
);
export const policyAnswerOneAtATime = oneAtATime('policy-answer', 'full policy answer (4 tables), one at a time', decideAnswer);

const BATCH = 100;

export const policyBatched: Measure = {
  name: 'policy-decision-batched',
  title: `policy decisions (remedies), batches of ${BATCH}; latency per decision`,
  target: { stat: 'p99', maxMs: 1, scope: 'per decision' },
  async run(ctx) {
    const random = seededRandom(ctx.seed + 7);
    await Promise.all(Array.from({ length: BATCH }, () => decideRemedies(ctx, factsFor(random))));
    const samplesMs: number[] = [];
    const batches = Math.max(5, Math.floor((ctx.iterations * 2) / BATCH));
    const started = performance.now();
    for (let b = 0; b < batches; b++) {
      const facts = Array.from({ length: BATCH }, () => factsFor(random));
      const start = performance.now();
      await Promise.all(facts.map((f) => decideRemedies(ctx, f)));
      const perDecision = (performance.now() - start) / BATCH;
      for (let i = 0; i < BATCH; i++) samplesMs.push(perDecision);
    }
    const seconds = (performance.now() - started) / 1000;
    return { samplesMs, details: { decisionsPerSecond: Math.round((batches * BATCH) / seconds), batches } };
  },
};
