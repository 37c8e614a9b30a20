import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, setPassword, STORY_VOUCHER_CASE_ID } from '../../main/core';
import { createDeskConnection, type DeskConnection, type HeadlessDesk, memoryPersonSecrets, openHeadlessDesk } from '../../main/sync';
import type { Agent } from '../../shared';
import { buildServer } from '../../server/app';
import { openTempPostgresCore, startPostgres, type TempPostgresCore, type TestPostgres } from '../fixtures/embedded-postgres';

/** A desk shared by two people against the team server on PostgreSQL (its store of record), with the real runner. */
let cluster: TestPostgres;
let server: TempPostgresCore;
let app: FastifyInstance;
let base: string;
let dir: string;
let desk: HeadlessDesk;
let conn: DeskConnection;
const PASSWORD = 'Harbour-light-42';
const secrets = memoryPersonSecrets();

beforeAll(async () => {
  cluster = await startPostgres();
  server = await openTempPostgresCore(cluster);
  for (const agent of [DEMO_AGENTS.desk, DEMO_AGENTS.wangFang]) await setPassword(server.core.deps, agent.id, PASSWORD);
  app = await buildServer({ core: server.core, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'kept-desk-people-pg-'));
  desk = await openHeadlessDesk({ file: join(dir, 'desk.db'), clientId: 'desk-people-pg', serverUrl: base, actor: DEMO_AGENTS.desk });
  conn = createDeskConnection({
    deps: desk.opened.core.deps,
    server: { get: () => base, set: () => undefined },
    secrets,
    intervalMs: 60_000,
  });
  await conn.start();
}, 120_000);
afterAll(async () => {
  await conn?.stop();
  await app?.close();
  await desk?.close();
  await server?.dispose();
  await cluster?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function noteBy(actor: Agent, body: string): Promise<string> {
  const envelope = await desk.opened.core.call({ procedure: 'notes.add', input: { caseId: STORY_VOUCHER_CASE_ID, body } }, { actor });
  if (!envelope.ok) throw new Error(envelope.error.message);
  return (envelope.value as { id: string }).id;
}
const authorOnServer = async (id: string) =>
  (await server.db.selectFrom('notes').select('author_id').where('id', '=', id).executeTakeFirst())?.author_id ?? null;
async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('two people on one desk, the server on PostgreSQL', () => {
  it('each one’s note reaches the server under their own name; disabling one stops only theirs', async () => {
    expect((await conn.signIn('20001', PASSWORD)).ok).toBe(true);
    const hers = await noteBy(DEMO_AGENTS.desk, '林晓：PostgreSQL 上的记录');
    expect((await conn.signIn('10452', PASSWORD, '4321')).ok).toBe(true);
    const theirs = await noteBy(DEMO_AGENTS.wangFang, '王芳：PostgreSQL 上的记录');
    await until(async () => (await authorOnServer(hers)) !== null && (await authorOnServer(theirs)) !== null);
    expect(await authorOnServer(hers)).toBe(DEMO_AGENTS.desk.id);
    expect(await authorOnServer(theirs)).toBe(DEMO_AGENTS.wangFang.id);
    // Both pushed into this desk's one seq stream.
    const client = await server.db
      .selectFrom('sync_clients')
      .select('last_seq')
      .where('client_id', '=', 'desk-people-pg')
      .executeTakeFirst();
    expect(Number(client?.last_seq)).toBe(2);

    await server.call('accounts.setDisabled', { id: DEMO_AGENTS.wangFang.id, disabled: true }, { actor: DEMO_AGENTS.admin });
    const held = await noteBy(DEMO_AGENTS.wangFang, '王芳：停用之后');
    const goes = await noteBy(DEMO_AGENTS.desk, '林晓：停用之后');
    await until(async () => (await authorOnServer(goes)) !== null);
    await until(async () => !conn.hasSignIn(DEMO_AGENTS.wangFang.id));
    expect(await authorOnServer(held)).toBeNull();
    expect(conn.hasSignIn(DEMO_AGENTS.desk.id)).toBe(true);
  });
});
