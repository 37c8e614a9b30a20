import type { Agent } from '../../../shared';
import type { CoreDeps } from '../context';
import { DEMO_AGENTS } from '../demo/agents';
import { DEMO_PASSWORD } from '../demo/ids';
import { seedWrite } from '../demo/write';
import { SYSTEM_AGENT } from '../session/system-agent';
import { setPassword } from './credentials';

export { DEMO_PASSWORD };

/** Which team each demo person works in. */
export const DEMO_TEAMS: Record<keyof typeof DEMO_AGENTS, string | null> = {
  desk: '一组',
  wangFang: '一组',
  liQiang: '一组',
  zhaoMin: '二组',
  sunLei: '二组',
  qianWei: '二组',
  supervisor: '一组',
  supervisor2: '二组',
  complaints: '投诉中心',
  admin: null,
};

/**
 * Gives the demo roster its teams and the demo password (each hash with its own salt). With
 * `only`, just those people: an empty database still gets the desk's agent and an administrator.
 */
export async function seedDemoAccounts(deps: CoreDeps, only?: ReadonlyArray<keyof typeof DEMO_AGENTS>): Promise<void> {
  const keys = only ?? (Object.keys(DEMO_AGENTS) as Array<keyof typeof DEMO_AGENTS>);
  for (const key of keys) {
    const agent: Agent = DEMO_AGENTS[key];
    await seedWrite(deps, SYSTEM_AGENT, 'agents.upsert', { ...agent, team: DEMO_TEAMS[key] });
  }
  await Promise.all(keys.map((key) => setPassword(deps, DEMO_AGENTS[key].id, DEMO_PASSWORD)));
}
