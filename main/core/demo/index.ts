import type { CoreDeps } from '../context';
import { tickCommitments } from '../promises/clock';
import { DEMO_AGENTS, DESK_AGENT } from './agents';
import { seedStory } from './story';
import { seedSynthetic } from './synthetic';
import { seedWrite } from './write';

export { DEMO_AGENTS, DESK_AGENT } from './agents';
export * from './ids';

export interface DemoOptions {
  syntheticCustomers?: number;
}

/** The demo set: the roster, the seed story's customer, and ~200 invented customers. */
export async function seedDemo(deps: CoreDeps, options: DemoOptions = {}): Promise<void> {
  for (const agent of Object.values(DEMO_AGENTS)) await seedWrite(deps, DESK_AGENT, 'agents.upsert', agent);
  await seedStory(deps);
  // The story's commitments are long past due: let the clock mark them broken and escalate, as it would have.
  await tickCommitments(deps);
  await seedSynthetic(deps, options.syntheticCustomers ?? 200);
}
