import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Agent } from '../../shared';
import { migrateToLatest, openSqlite, type SqliteHandle } from '../db';
import { DEFAULT_BUNDLE, loadPolicy, readBundleDir } from '../policy';
import { type Core, createCore } from './create-core';
import { seedDemoAccounts } from './accounts/demo';
import { DEMO_AGENTS, DESK_AGENT, seedDemo } from './demo';
import { seedWrite } from './demo/write';
import type { DispatchOptions } from './dispatch';
import { SYSTEM_AGENT } from './session/system-agent';

export interface OpenOptions {
  /** SQLite file path. */
  file: string;
  /** Start with no demo data, only the desk's own agent. */
  empty?: boolean;
  clientId: string;
  outbox: boolean;
  now?: () => Date;
  nativeBinding?: string;
  syntheticCustomers?: number;
  /** An administrator's policy bundle directory; the shipped bundle when omitted. */
  policyDir?: string;
  dispatch?: DispatchOptions;
  /** Give the demo people the demo password when nobody has one yet (default true; tests that never sign in skip the hashing). */
  demoAccounts?: boolean;
}

export interface OpenedCore {
  core: Core;
  sqlite: SqliteHandle;
  /** The person at this desk (the desktop has no sign-in; the browser host signs people in). */
  actor: Agent;
  seeded: boolean;
  close(): Promise<void>;
}

/**
 * Opens (or creates) a SQLite-backed core: migrate, and on an empty database seed the demo set
 * (or, with `empty`, only the desk's own agent). Shared by the desktop, the embedded server and tests.
 */
export async function openSqliteCore(options: OpenOptions): Promise<OpenedCore> {
  // A bad bundle is refused before the database is touched.
  const policy = loadPolicy(options.policyDir ? readBundleDir(options.policyDir) : DEFAULT_BUNDLE);
  mkdirSync(dirname(options.file), { recursive: true });
  const sqlite = openSqlite(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    await migrateToLatest(sqlite.db);
    const core = createCore({
      db: sqlite.db,
      clientId: options.clientId,
      outbox: options.outbox,
      policy,
      ...(options.now ? { now: options.now } : {}),
      ...(options.dispatch ? { dispatch: options.dispatch } : {}),
    });
    const hasAgents = await sqlite.db.selectFrom('agents').select('id').limit(1).executeTakeFirst();
    let seeded = false;
    if (!(await sqlite.db.selectFrom('agents').select('id').where('id', '=', SYSTEM_AGENT.id).executeTakeFirst()))
      await seedWrite(core.deps, SYSTEM_AGENT, 'agents.upsert', SYSTEM_AGENT);
    if (!hasAgents) {
      if (options.empty) await seedWrite(core.deps, DESK_AGENT, 'agents.upsert', DESK_AGENT);
      else await seedDemo(core.deps, { syntheticCustomers: options.syntheticCustomers ?? 200 });
      seeded = true;
    }
    if (options.demoAccounts !== false && !(await sqlite.db.selectFrom('credentials').select('agent_id').limit(1).executeTakeFirst())) {
      const story = await sqlite.db.selectFrom('agents').select('id').where('id', '=', DEMO_AGENTS.qianWei.id).executeTakeFirst();
      await seedDemoAccounts(core.deps, story ? undefined : ['desk', 'admin']);
    }
    return { core, sqlite, actor: DESK_AGENT, seeded, close: () => sqlite.close() };
  } catch (error) {
    await sqlite.close();
    throw error;
  }
}
