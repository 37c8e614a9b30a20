import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, setPassword, STORY_VOUCHER_CASE_ID } from '../../main/core';
import { createSyncClient, createTokenSession, type HeadlessDesk, memorySecretStore, openHeadlessDesk } from '../../main/sync';
import { DESK_AUTH_PATHS } from '../../shared';
import { buildServer } from '../../server/app';
import { openTempPostgresCore, startPostgres, type TempPostgresCore, type TestPostgres } from '../fixtures/embedded-postgres';
import { pendingBatch } from '../fixtures/sync';

/** The team server's desk tokens on PostgreSQL (its store of record): sign-in, rotation and reuse, a desk pushing with them. */
let cluster: TestPostgres;
let server: TempPostgresCore;
let app: FastifyInstance;
let base: string;
let dir: string;
let desk: HeadlessDesk;
const PASSWORD = 'Harbour-light-42';

beforeAll(async () => {
  cluster = await startPostgres();
  server = await openTempPostgresCore(cluster);
  for (const agent of [DEMO_AGENTS.desk, DEMO_AGENTS.admin]) await setPassword(server.core.deps, agent.id, PASSWORD);
  app = await buildServer({ core: server.core, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'kept-desk-pg-'));
  desk = await openHeadlessDesk({ file: join(dir, 'desk.db'), clientId: 'desk-pg', serverUrl: base, actor: DEMO_AGENTS.desk });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await desk?.close();
  await server?.dispose();
  await cluster?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const post = async (path: string, body: unknown, token?: string) => {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; value?: Record<string, string>; error?: { code: string } } };
};

describe('desk tokens on PostgreSQL', () => {
  it('sign in, rotate, and a reused refresh token revokes the sign-in', async () => {
    const first = (await post(DESK_AUTH_PATHS.signIn, { employeeNo: '20001', password: PASSWORD, clientId: 'desk-pg-a' })).body.value!;
    expect((await post('/api/rpc/session.me', { input: {} }, first.accessToken)).body).toMatchObject({ value: { employeeNo: '20001' } });
    const second = (await post(DESK_AUTH_PATHS.refresh, { refreshToken: first.refreshToken })).body.value!;
    expect((await post('/api/rpc/session.me', { input: {} }, second.accessToken)).status).toBe(200);
    expect((await post(DESK_AUTH_PATHS.refresh, { refreshToken: first.refreshToken })).status).toBe(401);
    expect((await post('/api/rpc/session.me', { input: {} }, second.accessToken)).status).toBe(401);
    expect((await post(DESK_AUTH_PATHS.refresh, { refreshToken: second.refreshToken })).status).toBe(401);
  });

  it('a desk pushes with its token as its own client id only; disabling the person ends it', async () => {
    const session = createTokenSession({ serverUrl: base, clientId: 'desk-pg', secrets: memorySecretStore() });
    expect(await session.signIn('20001', PASSWORD)).toMatchObject({ ok: true });
    const client = createSyncClient({ deps: desk.opened.core.deps, serverUrl: base, fetch: session.fetch });
    const { id } = await desk.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: '团队服务器上的备注' });
    const batch = await pendingBatch(desk);
    const headers = await session.headers();
    const asOther = await post(
      '/api/sync/push',
      { clientId: 'desk-other', mutations: batch.map((m) => ({ ...m, clientId: 'desk-other' })) },
      headers.authorization!.slice(7),
    );
    expect(asOther).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await client.pushOnce()).toMatchObject({ sent: 1 });
    expect(await server.db.selectFrom('notes').select('id').where('id', '=', id).executeTakeFirst()).toEqual({ id });

    const admin = createTokenSession({ serverUrl: base, clientId: 'desk-pg-admin', secrets: memorySecretStore() });
    await admin.signIn('90001', PASSWORD);
    const disabled = await admin.fetch(`${base}/api/rpc/accounts.setDisabled`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: { id: DEMO_AGENTS.desk.id, disabled: true } }),
    });
    expect(disabled.status).toBe(200);
    await desk.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: '停用之后' });
    expect(await client.pushOnce()).toMatchObject({ sent: 0, error: { code: 'unauthenticated' } });
    expect(session.state().signedIn).toBe(false);
    const tokens = await server.db.selectFrom('desk_tokens').select(['revoked_at']).where('client_id', '=', 'desk-pg').execute();
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) expect(token.revoked_at).not.toBeNull();
  });
});
