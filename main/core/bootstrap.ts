import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Agent } from '../../shared';
import type { Kysely } from 'kysely';
import { checkPostgresCollation, type DB, migrateToLatest, openPostgres, openSqlite, type PostgresHandle, type SqliteHandle } from '../db';
import { DEFAULT_BUNDLE, loadPolicy, type Policy, readBundleDir } from '../policy';
import { type Core, createCore } from './create-core';
import { seedDemoAccounts } from './accounts/demo';
import { DEMO_AGENTS, DESK_AGENT, seedDemo } from './demo';
import { seedWrite } from './demo/write';
import type { DispatchOptions } from './dispatch';
import { reloadActivePolicy } from './policy/versions';
import { SYSTEM_AGENT } from './session/system-agent';

interface CommonOpenOptions {
  /** Start with no demo data, only the desk's own agent. */
  empty?: boolean;
  clientId: string;
  outbox: boolean;
  now?: () => Date;
  syntheticCustomers?: number;
  /** An administrator's policy bundle directory; the shipped bundle when omitted. */
  policyDir?: string;
  dispatch?: DispatchOptions;
  /** A bundle published on another host that this one could not load. */
  onPolicyReloadError?: (error: unknown) => void;
  /** Give the demo people the demo password when nobody has one yet (default true; tests that never sign in skip the hashing). */
  demoAccounts?: boolean;
}

export interface OpenOptions extends CommonOpenOptions {
  /** SQLite file path. */
  file: string;
  nativeBinding?: string;
}

export interface PostgresOpenOptions extends CommonOpenOptions {
  /** `postgres://user:password@host:port/database`; the database must exist. */
  connectionString: string;
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

export interface OpenedCore {
  core: Core;
  db: Kysely<DB>;
  /** The person at this desk (the desktop has no sign-in; the browser host signs people in). */
  actor: Agent;
  seeded: boolean;
  close(): Promise<void>;
}

export interface OpenedSqliteCore extends OpenedCore {
  sqlite: SqliteHandle;
}

export interface OpenedPostgresCore extends OpenedCore {
  postgres: PostgresHandle;
}

/**
 * Opens (or creates) a SQLite-backed core: migrate, and on an empty database seed the demo set
 * (or, with `empty`, only the desk's own agent). Shared by the desktop, the embedded server and tests.
 */
export async function openSqliteCore(options: OpenOptions): Promise<OpenedSqliteCore> {
  // A bad bundle is refused before the database is touched.
  const policy = loadPolicy(options.policyDir ? readBundleDir(options.policyDir) : DEFAULT_BUNDLE);
  mkdirSync(dirname(options.file), { recursive: true });
  const sqlite = openSqlite(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    const opened = await openOn(sqlite.db, policy, options);
    return { ...opened, sqlite, close: () => sqlite.close() };
  } catch (error) {
    await sqlite.close();
    throw error;
  }
}

/**
 * Opens a core on a PostgreSQL database (the team server): the same migrations (their PostgreSQL
 * branches), the same seeding, the same procedures. Several servers may open one database: the
 * migrations take turns on an advisory lock, and so do write transactions (`writeTransaction`).
 */
export async function openPostgresCore(options: PostgresOpenOptions): Promise<OpenedPostgresCore> {
  const policy = loadPolicy(options.policyDir ? readBundleDir(options.policyDir) : DEFAULT_BUNDLE);
  const postgres = openPostgres({ connectionString: options.connectionString, ...(options.poolSize ? { max: options.poolSize } : {}) });
  try {
    await checkPostgresCollation(postgres.db);
    const opened = await openOn(postgres.db, policy, options);
    return { ...opened, postgres, close: () => postgres.close() };
  } catch (error) {
    await postgres.close();
    throw error;
  }
}

async function openOn(db: Kysely<DB>, policy: Policy, options: CommonOpenOptions): Promise<Omit<OpenedCore, 'close'>> {
  await migrateToLatest(db);
  const core = createCore({
    db,
    clientId: options.clientId,
    outbox: options.outbox,
    policy,
    ...(options.now ? { now: options.now } : {}),
    ...(options.dispatch ? { dispatch: options.dispatch } : {}),
    ...(options.onPolicyReloadError ? { onPolicyReloadError: options.onPolicyReloadError } : {}),
  });
  // The latest bundle an administrator published wins over the shipped one (or the policy directory's).
  await reloadActivePolicy(core.deps);
  const hasAgents = await db.selectFrom('agents').select('id').limit(1).executeTakeFirst();
  let seeded = false;
  if (!(await db.selectFrom('agents').select('id').where('id', '=', SYSTEM_AGENT.id).executeTakeFirst()))
    await seedWrite(core.deps, SYSTEM_AGENT, 'agents.upsert', SYSTEM_AGENT);
  if (!hasAgents) {
    if (options.empty) await seedWrite(core.deps, DESK_AGENT, 'agents.upsert', DESK_AGENT);
    else await seedDemo(core.deps, { syntheticCustomers: options.syntheticCustomers ?? 200 });
    seeded = true;
  }
  if (options.demoAccounts !== false && !(await db.selectFrom('credentials').select('agent_id').limit(1).executeTakeFirst())) {
    const story = await db.selectFrom('agents').select('id').where('id', '=', DEMO_AGENTS.qianWei.id).executeTakeFirst();
    await seedDemoAccounts(core.deps, story ? undefined : ['desk', 'admin']);
  }
  return { core, db, actor: DESK_AGENT, seeded };
}
