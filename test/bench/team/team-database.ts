import { sql } from 'kysely';
import { type Agent, newId } from '../../../shared';
import { type OpenedPostgresCore, openPostgresCore, SYSTEM_AGENT } from '../../../main/core';
import { storeCredential } from '../../../main/core/accounts/credentials';
import { hashPassword } from '../../../main/core/accounts/passwords';
import { seedWrite } from '../../../main/core/demo/write';
import { caseParty } from '../../../main/core/promises/commands';
import { startPostgres, type TestPostgres } from '../../fixtures/embedded-postgres';
import { type ServerProcess, startServerProcess } from '../server-process';
import type { CaseParty } from './mint';

/** The database's name on the embedded cluster (its backends show it in their process titles). */
export const TEAM_DATABASE = 'kept_bench';
/** The password every simulated desk's person signs in with (not a demo password: these people exist only here). */
export const DESK_PASSWORD = 'bench-desk-2026';
/** Employee numbers of simulated desks' people: 6 digits from 600001, a range the demo never uses. */
const FIRST_EMPLOYEE_NO = 600_001;

export interface DeskPerson {
  agent: Agent;
  password: string;
}

export interface TeamDatabase {
  cluster: TestPostgres;
  /** The database's connection string, as the servers get it in `DATABASE_URL`. */
  url: string;
  /** A core on the same database, for setup and for counting afterwards (not used while measuring). */
  setup: OpenedPostgresCore;
  people: DeskPerson[];
  /** Cases of customers with a phone that are not closed: what the desks pop and write about. */
  parties: CaseParty[];
  close(): Promise<void>;
}

/**
 * A real PostgreSQL (embedded-postgres) with one database migrated and seeded with the demo set, and
 * `people` agents who can sign in (one scrypt hash shared by all of them: hashing 500 passwords would
 * take longer than the run; each sign-in still verifies it).
 */
export async function openTeamDatabase(options: { people: number; log: (line: string) => void }): Promise<TeamDatabase> {
  const cluster = await startPostgres();
  try {
    const url = await cluster.createDatabase(TEAM_DATABASE);
    const started = performance.now();
    const setup = await openPostgresCore({ connectionString: url, clientId: 'bench-setup', outbox: false, poolSize: 4 });
    options.log(`  PostgreSQL on port ${cluster.port}: migrated and seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const people = await createPeople(setup, options.people);
    const parties = await openParties(setup);
    return {
      cluster,
      url,
      setup,
      people,
      parties,
      async close() {
        await setup.close();
        await cluster.stop();
      },
    };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

async function createPeople(setup: OpenedPostgresCore, count: number): Promise<DeskPerson[]> {
  const credential = await hashPassword(DESK_PASSWORD);
  const people: DeskPerson[] = [];
  for (let i = 0; i < count; i++) {
    const agent: Agent = { id: newId(), employeeNo: String(FIRST_EMPLOYEE_NO + i), name: `坐席${i + 1}`, role: 'agent' };
    await seedWrite(setup.core.deps, SYSTEM_AGENT, 'agents.upsert', { ...agent, team: '压测' });
    await storeCredential(setup.core.deps, agent.id, credential, 'scrypt');
    people.push({ agent, password: DESK_PASSWORD });
  }
  return people;
}

async function openParties(setup: OpenedPostgresCore): Promise<CaseParty[]> {
  const rows = await setup.db
    .selectFrom('cases')
    .select('id')
    .where('status', '<>', 'closed')
    .where((eb) => eb.exists(eb.selectFrom('customer_phones as p').select('p.e164').whereRef('p.customer_id', '=', 'cases.customer_id')))
    .orderBy('id')
    .execute();
  const parties: CaseParty[] = [];
  for (const row of rows) parties.push(await caseParty(setup.core.deps, row.id));
  if (parties.length === 0) throw new Error('The demo set has no open case of a customer with a phone.');
  return parties;
}

/** `count` instances of `server/main.ts` on the team database, each in its own process. */
export async function startTeamServers(team: TeamDatabase, count: number): Promise<ServerProcess[]> {
  const servers: ServerProcess[] = [];
  try {
    // One at a time: each start migrates (a no-op here) under the migration lock.
    for (let i = 0; i < count; i++) servers.push(await startServerProcess(['--database-url', team.url, '--sign-in-per-minute', '10000']));
    return servers;
  } catch (error) {
    await Promise.all(servers.map((server) => server.stop()));
    throw error;
  }
}

/** Which of `ids` are rows of `table` on the server's database (read after the run). */
export async function storedIds(
  team: TeamDatabase,
  table: 'notes' | 'commitments' | 'applied_mutations',
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set<string>();
  const found = await sql<{ id: string }>`select id from ${sql.table(table)} where id = any(${[...ids]}::text[])`.execute(team.setup.db);
  return new Set(found.rows.map((row) => row.id));
}

/** A team database and `servers` server processes for the length of `fn`; everything is stopped afterwards. */
export async function withTeamServers<T>(
  options: { people: number; servers: number; log: (line: string) => void },
  fn: (team: TeamDatabase, servers: ServerProcess[]) => Promise<T>,
): Promise<T> {
  const team = await openTeamDatabase(options);
  try {
    const servers = await startTeamServers(team, options.servers);
    try {
      return await fn(team, servers);
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
    }
  } finally {
    await team.close();
  }
}
