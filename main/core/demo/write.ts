import type { Agent } from '../../../shared';
import type { CoreDeps } from '../context';
import { applyMutation } from '../mutations/apply';
import { mintMutation } from '../mutations/mint';

/** Demo rows go through the same mutations as an agent's writes: audited, idempotent, in the outbox. */
export async function seedWrite(deps: CoreDeps, actor: Agent, name: string, args: unknown): Promise<void> {
  await applyMutation(deps, await mintMutation(deps, { actor }, name, args));
}
