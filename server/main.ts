import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { findAgentByEmployeeNo, openSqliteCore, outboxGateway, startBackgroundJobs, webhookGateway } from '../main/core';
import { buildServer } from './app';
import { checkBinding, readConfig } from './config';
import { lockDataDir } from './data-lock';
import { movableClock, registerTestClock, TEST_CLOCK_WARNING } from './test-clock';

/** `npm run serve`: the console in a browser, on embedded SQLite, with demo data on first start. */
async function main(): Promise<void> {
  const config = readConfig(process.argv.slice(2), process.env);
  checkBinding(config);
  const unlock = lockDataDir(config.dataDir);
  process.once('exit', unlock);
  const clock = movableClock();
  const opened = await openSqliteCore({
    now: clock.now,
    ...(config.policyDir ? { policyDir: config.policyDir } : {}),
    file: join(config.dataDir, 'kept.db'),
    empty: config.empty,
    clientId: `server-${randomUUID()}`,
    outbox: false,
    dispatch: { onInternalError: (error, request) => console.error(`[kept] ${request.procedure} failed:`, error) },
  });
  const actor = config.agent ? await findAgentByEmployeeNo(opened.sqlite.db, config.agent) : opened.actor;
  if (!actor) throw new Error(`No agent with employee number ${config.agent}.`);
  const app = await buildServer({
    core: opened.core,
    resolveActor: () => actor,
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
  const stopJobs = startBackgroundJobs(opened.core.deps, {
    gateway,
    onError: (error) => console.error('[kept] background job failed:', error),
  });
  const address = await app.listen({ host: config.host, port: config.port });
  console.log(
    `Kept console: ${address.replace('[::1]', 'localhost')}/ (data: ${config.dataDir}${opened.seeded ? ', demo data seeded' : ''}; acting as ${actor.name} ${actor.employeeNo})`,
  );

  const stop = async () => {
    stopJobs();
    await app.close();
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
