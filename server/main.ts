import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import {
  type DispatchRequest,
  findAgentByEmployeeNo,
  type OpenedCore,
  openPostgresCore,
  openSqliteCore,
  outboxGateway,
  purgeEndedSessions,
  startBackgroundJobs,
  webhookGateway,
} from '../main/core';
import { describePostgres } from '../main/db';
import { buildServer } from './app';
import { checkBinding, readConfig } from './config';
import { lockDataDir } from './data-lock';
import { type PgEventRelay, relayEventsThroughPostgres } from './pg-events';
import { leadBackgroundJobs } from './pg-leader';
import { movableClock, registerTestClock, TEST_CLOCK_WARNING } from './test-clock';

/**
 * `npm run serve`: the console in a browser. With a PostgreSQL connection string (`DATABASE_URL` or
 * `--database-url`), the team server: any number of instances on one database, their change events
 * relayed through LISTEN/NOTIFY. Without it, embedded SQLite in the data directory (one server per
 * directory, locked), with demo data on first start.
 */
async function main(): Promise<void> {
  const config = readConfig(process.argv.slice(2), process.env);
  checkBinding(config);
  const clock = movableClock();
  const instanceId = randomUUID();
  const common = {
    now: clock.now,
    ...(config.policyDir ? { policyDir: config.policyDir } : {}),
    empty: config.empty,
    clientId: `server-${instanceId}`,
    outbox: false,
    onPolicyReloadError: (error: unknown) =>
      console.error('[kept] published policy could not be loaded:', error instanceof Error ? error.message : error),
    dispatch: {
      onInternalError: (error: unknown, request: DispatchRequest) => console.error(`[kept] ${request.procedure} failed:`, error),
    },
  };
  let store: string;
  let opened: OpenedCore;
  let relay: PgEventRelay | null = null;
  let unlock = () => {};
  if (config.databaseUrl) {
    store = describePostgres(config.databaseUrl);
    const pgCore = await openPostgresCore({ ...common, connectionString: config.databaseUrl });
    opened = pgCore;
    relay = relayEventsThroughPostgres({
      bus: pgCore.core.bus,
      connectionString: config.databaseUrl,
      pool: pgCore.postgres.pool,
      instanceId,
      onError: (error) => console.error('[kept] event relay:', error instanceof Error ? error.message : error),
    });
    await relay.ready;
  } else {
    unlock = lockDataDir(config.dataDir);
    process.once('exit', unlock);
    const file = join(config.dataDir, 'kept.db');
    store = `SQLite ${file}`;
    opened = await openSqliteCore({ ...common, file });
  }
  // Test mode only (config refuses --agent without --test-clock): a request without a session acts as this person.
  const testActor = config.agent ? await findAgentByEmployeeNo(opened.db, config.agent) : undefined;
  if (testActor === null) throw new Error(`No agent with employee number ${config.agent}.`);
  const app = await buildServer({
    core: opened.core,
    ...(testActor ? { resolveActor: () => testActor } : {}),
    signInRateLimit: { max: config.signInPerMinute, timeWindowMs: 60_000 },
    rendererDir: resolve(__dirname, '..', 'out', 'renderer'),
    ...(config.allowedHosts.length > 0 ? { allowedHosts: config.allowedHosts } : {}),
    logRequest: (line) => console.log(line),
    ...(config.surveySecret ? { surveySecret: config.surveySecret } : {}),
  });
  if (config.testClock) {
    registerTestClock(app, opened.core, clock.advance);
    console.warn(TEST_CLOCK_WARNING);
  }
  const gateway = config.smsWebhook ? webhookGateway({ url: config.smsWebhook }) : outboxGateway;
  const startJobs = () =>
    startBackgroundJobs(opened.core.deps, {
      gateway,
      onError: (error) => console.error('[kept] background job failed:', error),
    });
  // On PostgreSQL, one instance of those sharing the database runs the jobs at a time.
  const leadership = config.databaseUrl
    ? leadBackgroundJobs({
        connectionString: config.databaseUrl,
        start: startJobs,
        onError: (error) => console.error('[kept] background jobs lock:', error instanceof Error ? error.message : error),
      })
    : null;
  const stopJobs = leadership ? null : startJobs();
  // Ended sessions and old failed sign-ins are forgotten a while later.
  const purge = () =>
    void purgeEndedSessions(opened.core.deps).catch((error: unknown) => console.error('[kept] session purge failed:', error));
  purge();
  const purgeTimer = setInterval(purge, 60 * 60_000);
  purgeTimer.unref();
  const address = await app.listen({ host: config.host, port: config.port });
  console.log(
    `Kept console: ${address.replace('[::1]', 'localhost')}/ (store: ${store}${opened.seeded ? ', demo data seeded' : ''}; ${testActor ? `test mode: without sign-in acting as ${testActor.name} ${testActor.employeeNo}` : 'sign-in required'})`,
  );

  const stop = async () => {
    stopJobs?.();
    clearInterval(purgeTimer);
    await leadership?.close();
    await app.close();
    await relay?.close();
    await opened.close();
    unlock();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Kept server could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
