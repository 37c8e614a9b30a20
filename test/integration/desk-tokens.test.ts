import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ACCOUNT_RULES, DEMO_AGENTS, DEMO_PASSWORD, STORY_VOUCHER_CASE_ID, tokenHash } from '../../main/core';
import { openHeadlessDesk } from '../../main/sync';
import { DESK_AUTH_PATHS, DeskTokenPair } from '../../shared';
import { buildServer } from '../../server/app';
import { SESSION_ENDED } from '../../server/auth/live-sockets';
import { pendingBatch } from '../fixtures/sync';
import { openTempCore, type TempCore } from '../fixtures/temp-core';

let t: TempCore;
let app: FastifyInstance;
let base: string;
let offset = 0;
const advance = (ms: number) => (offset += ms);

beforeAll(async () => {
  t = await openTempCore({ accounts: true, outbox: false, now: () => new Date(Date.now() + offset) });
  app = await buildServer({ core: t.core, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await app.close();
  await t.dispose();
});

const json = { 'content-type': 'application/json' };
type Answer = { status: number; body: { ok: boolean; value?: unknown; error?: { code: string; issues?: unknown[]; retryAt?: string } } };

async function post(path: string, body: unknown, headers: Record<string, string> = {}, url = base): Promise<Answer> {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

async function deskSignIn(employeeNo: string, clientId = `desk-${employeeNo}`, password = DEMO_PASSWORD): Promise<DeskTokenPair> {
  const answer = await post(DESK_AUTH_PATHS.signIn, { employeeNo, password, clientId });
  expect(answer.status).toBe(200);
  return DeskTokenPair.parse(answer.body.value);
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const me = (token: string) => post('/api/rpc/session.me', { input: {} }, bearer(token));
const refresh = (refreshToken: string) => post(DESK_AUTH_PATHS.refresh, { refreshToken });

function openSocket(headers: Record<string, string>): Promise<WebSocket> {
  const socket = new WebSocket(`${base.replace('http', 'ws')}/api/events`, { headers });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });
}
const closed = (socket: WebSocket) => new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));

describe('desk sign-in against the server', () => {
  it('gives an access and a refresh token; the access token names the person on rpc calls, the refresh token does not', async () => {
    const pair = await deskSignIn('30001');
    expect(pair.agent).toMatchObject({ employeeNo: '30001', role: 'supervisor' });
    expect(pair.accessToken).toMatch(/^kda_/);
    expect(pair.refreshToken).toMatch(/^kdr_/);
    expect(Date.parse(pair.accessExpiresAt) - Date.now() - offset).toBeLessThanOrEqual(ACCOUNT_RULES.deskAccessMs);
    expect(await me(pair.accessToken)).toMatchObject({ status: 200, body: { value: { id: DEMO_AGENTS.supervisor.id } } });
    expect(await me(pair.refreshToken)).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
  });

  it('refuses a wrong password with the same 401 as the browser, and a malformed request with a typed 400', async () => {
    const wrong = await post(DESK_AUTH_PATHS.signIn, { employeeNo: '10452', password: 'wrong-password-1', clientId: 'desk-x' });
    expect(wrong).toEqual({
      status: 401,
      body: { ok: false, error: { code: 'unauthenticated', message: 'Wrong employee number or password.' } },
    });
    const noClient = await post(DESK_AUTH_PATHS.signIn, { employeeNo: '10452', password: DEMO_PASSWORD });
    expect(noClient).toMatchObject({ status: 400, body: { error: { code: 'invalid_input' } } });
    expect(await refresh('not-a-token')).toMatchObject({ status: 400, body: { error: { code: 'invalid_input' } } });
  });

  it('refuses a tampered, truncated or made-up bearer token, and a header that is not a bearer token', async () => {
    const { accessToken } = await deskSignIn('10452');
    const flipped = `${accessToken.slice(0, 10)}${accessToken[10] === 'a' ? 'b' : 'a'}${accessToken.slice(11)}`;
    for (const bad of [flipped, accessToken.slice(0, -1), `${accessToken}x`, `kda_${'A'.repeat(43)}`, ''])
      expect((await me(bad)).status).toBe(401);
    expect((await post('/api/rpc/session.me', { input: {} }, { authorization: `Basic ${accessToken}` })).status).toBe(401);
    await expect(openSocket(bearer(flipped))).rejects.toThrow('HTTP 401');
    expect((await me(accessToken)).status).toBe(200);
  });

  it('ends the access token after 15 minutes; a refresh gives a working pair', async () => {
    const pair = await deskSignIn('10731');
    advance(ACCOUNT_RULES.deskAccessMs + 1000);
    expect(await me(pair.accessToken)).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    const next = await refresh(pair.refreshToken);
    expect(next.status).toBe(200);
    const fresh = DeskTokenPair.parse(next.body.value);
    expect(fresh.refreshToken).not.toBe(pair.refreshToken);
    expect(fresh.clientId).toBe(pair.clientId);
    expect((await me(fresh.accessToken)).status).toBe(200);
  });

  it('ends a refresh token unused for 30 days', async () => {
    const pair = await deskSignIn('10815');
    advance(ACCOUNT_RULES.deskRefreshMs + 1000);
    expect(await refresh(pair.refreshToken)).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
  });

  it('rotates: a spent refresh token used again revokes the whole sign-in, the newest pair included', async () => {
    const first = await deskSignIn('10688');
    const second = DeskTokenPair.parse((await refresh(first.refreshToken)).body.value);
    const third = DeskTokenPair.parse((await refresh(second.refreshToken)).body.value);
    expect((await me(third.accessToken)).status).toBe(200);
    // A copy of the first refresh token comes back (stolen, or replayed).
    expect(await refresh(first.refreshToken)).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    expect((await me(third.accessToken)).status).toBe(401);
    expect((await refresh(third.refreshToken)).status).toBe(401);
    // Another sign-in of the same person on another desk is a family of its own and stands.
    const other = await deskSignIn('10688', 'desk-10688-b');
    expect((await me(other.accessToken)).status).toBe(200);
  });

  it('revokes every desk token when the account is disabled or its password reset', async () => {
    const admin = await deskSignIn('90001', 'desk-admin');
    for (const [path, input] of [
      ['accounts.setDisabled', { id: DEMO_AGENTS.qianWei.id, disabled: true }],
      ['accounts.resetPassword', { id: DEMO_AGENTS.qianWei.id, password: 'Quiet-forest-63' }],
    ] as const) {
      const pair = await deskSignIn('23338', 'desk-qian');
      const socket = await openSocket(bearer(pair.accessToken));
      const gone = closed(socket);
      expect((await post(`/api/rpc/${path}`, { input }, bearer(admin.accessToken))).status).toBe(200);
      expect(await gone).toBe(SESSION_ENDED);
      expect((await me(pair.accessToken)).status).toBe(401);
      expect((await refresh(pair.refreshToken)).status).toBe(401);
      if (path === 'accounts.setDisabled') {
        expect(
          (await post('/api/rpc/accounts.setDisabled', { input: { ...input, disabled: false } }, bearer(admin.accessToken))).status,
        ).toBe(200);
      } else {
        // The new password signs in again; put the demo password back for the next tests.
        expect(
          (await post(DESK_AUTH_PATHS.signIn, { employeeNo: '23338', password: 'Quiet-forest-63', clientId: 'desk-qian' })).status,
        ).toBe(200);
      }
    }
  });

  it('signs out: the sign-in’s tokens stop working and its socket closes; another desk’s sign-in stays', async () => {
    const pair = await deskSignIn('20001', 'desk-one');
    const other = await deskSignIn('20001', 'desk-two');
    const socket = await openSocket(bearer(pair.accessToken));
    const otherSocket = await openSocket(bearer(other.accessToken));
    const gone = closed(socket);
    expect((await post(DESK_AUTH_PATHS.signOut, { token: pair.refreshToken })).status).toBe(200);
    expect(await gone).toBe(SESSION_ENDED);
    expect((await me(pair.accessToken)).status).toBe(401);
    expect((await refresh(pair.refreshToken)).status).toBe(401);
    expect((await me(other.accessToken)).status).toBe(200);
    expect(otherSocket.readyState).toBe(WebSocket.OPEN);
    otherSocket.close();
    expect(await post(DESK_AUTH_PATHS.signOut, { token: 'x' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_input' } } });
  });

  it('keeps the socket open past the access token’s 15 minutes while the sign-in stands', async () => {
    const pair = await deskSignIn('10452', 'desk-sock');
    const socket = await openSocket(bearer(pair.accessToken));
    advance(ACCOUNT_RULES.deskAccessMs + 1000);
    expect((await me(pair.accessToken)).status).toBe(401);
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.close();
  });

  it('stores only hashes of tokens', async () => {
    const pair = await deskSignIn('20001', 'desk-hash');
    const rows = await t.db
      .selectFrom('desk_tokens')
      .select(['token_hash', 'client_id', 'kind'])
      .where('client_id', '=', 'desk-hash')
      .execute();
    expect(rows.map((r) => r.token_hash).sort()).toEqual([tokenHash(pair.accessToken), tokenHash(pair.refreshToken)].sort());
    const everything = JSON.stringify(await t.db.selectFrom('desk_tokens').selectAll().execute());
    expect(everything).not.toContain(pair.accessToken.slice(4));
    expect(everything).not.toContain(pair.refreshToken.slice(4));
  });
});

describe('a desk token is bound to its desk', () => {
  it('pushes and pulls as its own client id; another desk’s client id is refused and nothing is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kept-desk-token-'));
    const desk = await openHeadlessDesk({ file: join(dir, 'a.db'), clientId: 'desk-bound', serverUrl: base, actor: DEMO_AGENTS.desk });
    try {
      const pair = await deskSignIn('20001', 'desk-bound');
      await desk.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: '客户来电询问积分兑换' });
      const batch = await pendingBatch(desk);
      const asOther = batch.map((m) => ({ ...m, clientId: 'desk-other' }));
      const refused = await post('/api/sync/push', { clientId: 'desk-other', mutations: asOther }, bearer(pair.accessToken));
      expect(refused).toMatchObject({
        status: 403,
        body: { ok: false, error: { code: 'forbidden', issues: [{ path: 'clientId', message: 'client_mismatch' }] } },
      });
      expect(await t.db.selectFrom('applied_mutations').select('id').where('id', '=', batch[0]!.id).executeTakeFirst()).toBeUndefined();
      const pull = await post('/api/sync/pull', { clientId: 'desk-other', cursor: 0, customerIds: [] }, bearer(pair.accessToken));
      expect(pull).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
      const pushed = await post('/api/sync/push', { clientId: 'desk-bound', mutations: batch }, bearer(pair.accessToken));
      expect(pushed).toMatchObject({ status: 200, body: { ok: true, value: { applied: [batch[0]!.id] } } });
      expect((await post('/api/sync/pull', { clientId: 'desk-bound', cursor: 0, customerIds: [] }, bearer(pair.accessToken))).status).toBe(
        200,
      );
    } finally {
      await desk.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the desk sign-in rate limit per address', () => {
  it('answers 429 rate_limited with a retry time, for sign-in and refresh alike', async () => {
    const limited = await buildServer({ core: t.core, signInRateLimit: { max: 2, timeWindowMs: 60_000 } });
    const url = await limited.listen({ host: '127.0.0.1', port: 0 });
    try {
      const body = { employeeNo: '20001', password: 'wrong-password-9', clientId: 'desk-rl' };
      for (let i = 0; i < 2; i++) expect((await post(DESK_AUTH_PATHS.signIn, body, {}, url)).status).toBe(401);
      expect(await post(DESK_AUTH_PATHS.signIn, body, {}, url)).toMatchObject({
        status: 429,
        body: { ok: false, error: { code: 'rate_limited', retryAt: expect.any(String) } },
      });
      for (let i = 0; i < 2; i++) await post(DESK_AUTH_PATHS.refresh, { refreshToken: `kdr_${'B'.repeat(43)}` }, {}, url);
      expect((await post(DESK_AUTH_PATHS.refresh, { refreshToken: `kdr_${'B'.repeat(43)}` }, {}, url)).status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
