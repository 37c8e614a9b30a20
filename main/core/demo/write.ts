import type { Agent, MutationArgs, MutationName } from '../../../shared';
import type { CoreDeps } from '../context';
import { commit } from '../procedure-kit';

/** Demo rows go through the same mutations as an agent's writes: audited, idempotent, in the outbox. */
export async function seedWrite<N extends MutationName>(deps: CoreDeps, actor: Agent, name: N, args: MutationArgs<N>): Promise<void> {
  await commit(deps, { actor }, name, args);
}
