import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ACCOUNT_RULES, DEMO_AGENTS, DEMO_PASSWORD } from '../../main/core';
import { buildServer } from '../../server/app';
import { SESSION_ENDED } from '../../server/auth/live-sockets';
import { openTempCore, type TempCore } from '../fixtures/temp-core';

let t: TempCore;
let app: FastifyInstance;
let base: string;
let offset = 0;
const advance = (ms: number) => (offset += ms);

beforeAll(async () => {
  t = await openTempCore({ accounts: true, now: () => new Date(Date.now() + offset) });
  app = await buildServer({ core: t.core, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await app.close();
  await t.dispose();
});

const json = { 'content-type': 'application/json' };

async function signIn(employeeNo: string, password = DEMO_PASSWORD, url = base) {
  const res = await fetch(`${url}/api/auth/sign-in`, { method: 'POST', headers: json, body: JSON.stringify({ employeeNo, password }) });
  const setCookie = res.headers.get('set-cookie');
  const cookie = setCookie?.split(';')[0];
  return {
    res,
    body: (await res.json()) as { ok: boolean; value?: { employeeNo: string }; error?: { code: string; retryAt?: string } },
    setCookie,
    cookie,
  };
}

async function call(procedure: string, input: unknown, cookie?: string) {
  const res = await fetch(`${base}/api/rpc/${procedure}`, {
    method: 'POST',
    headers: { ...json, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ input }),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } } };
}

function openSocket(cookie?: string): Promise<WebSocket> {
  const socket = new WebSocket(`${base.replace('http', 'ws')}/api/events`, { headers: cookie ? { cookie } : {} });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

function closed(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
}

async function signedIn(employeeNo: string): Promise<string> {
  const { cookie } = await signIn(employeeNo);
  if (!cookie) throw new Error('no cookie');
  return cookie;
}

describe('signing in over HTTP', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie, and the session names the actor', async () => {
    const { res, body, setCookie, cookie } = await signIn('30001');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(body).toMatchObject({ ok: true, value: { employeeNo: '30001', role: 'supervisor' } });
    expect(setCookie).toMatch(/^kept_session=[A-Za-z0-9_-]{43}; /);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).toMatch(/; Expires=/);
    expect(setCookie).not.toMatch(/Secure/); // plain http on loopback; over https the cookie is Secure
    const me = await call('session.me', {}, cookie);
    expect(me).toMatchObject({ status: 200, body: { ok: true, value: { id: DEMO_AGENTS.supervisor.id } } });
  });

  it('refuses a wrong password and an unknown number with the same 401, and sets no cookie', async () => {
    for (const [no, password] of [
      ['10452', 'wrong-password-1'],
      ['88888', DEMO_PASSWORD],
    ]) {
      const { res, body, setCookie } = await signIn(no!, password);
      expect(res.status).toBe(401);
      expect(body).toEqual({ ok: false, error: { code: 'unauthenticated', message: 'Wrong employee number or password.' } });
      expect(setCookie).toBeNull();
    }
  });

  it('answers every call and the event socket with 401 unauthenticated without a valid cookie', async () => {
    expect(await call('session.me', {})).toMatchObject({ status: 401, body: { ok: false, error: { code: 'unauthenticated' } } });
    const cookie = await signedIn('10452');
    const token = cookie.split('=')[1]!;
    const flipped = `kept_session=${token.slice(0, 10)}${token[10] === 'a' ? 'b' : 'a'}${token.slice(11)}`;
    expect(flipped).not.toBe(cookie);
    for (const bad of [flipped, 'kept_session=', 'kept_session=../../etc', `kept_session=${token}x`, 'other=1'])
      expect((await call('session.me', {}, bad)).status).toBe(401);
    await expect(openSocket()).rejects.toThrow('HTTP 401');
    await expect(openSocket(flipped)).rejects.toThrow('HTTP 401');
  });

  it('refuses desk sync without a session: a push or pull names no one', async () => {
    for (const path of ['/api/sync/push', '/api/sync/pull']) {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ clientId: 'desk-x', mutations: [], cursor: 0, customerIds: [] }),
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    }
  });

  it('takes the actor from the session only: no request field can name one', async () => {
    const cookie = await signedIn('20001');
    const res = await fetch(`${base}/api/rpc/session.me`, {
      method: 'POST',
      headers: { ...json, cookie, 'x-kept-agent': '90001' },
      body: JSON.stringify({ input: {}, actor: DEMO_AGENTS.admin }),
    });
    expect(res.status).toBe(400);
    expect((await call('session.me', { actor: DEMO_AGENTS.admin.id }, cookie)).status).toBe(400);
    expect((await call('session.me', {}, cookie)).body).toMatchObject({ value: { employeeNo: '20001' } });
  });

  it('enforces roles from the session: an agent may not create accounts or verify the audit chain; an administrator may', async () => {
    const agent = await signedIn('20001');
    const admin = await signedIn('90001');
    const input = { employeeNo: '10990', name: '郑直', role: 'admin', password: 'Mountain-path-9' };
    expect(await call('accounts.create', input, agent)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await call('audit.verify', {}, agent)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await call('accounts.list', {}, await signedIn('30001'))).toMatchObject({ status: 403 });
    expect(await call('audit.verify', {}, await signedIn('40001'))).toMatchObject({ status: 200 });
    expect(await call('accounts.create', input, admin)).toMatchObject({ status: 200, body: { ok: true, value: { employeeNo: '10990' } } });
    expect((await signIn('10990', 'Mountain-path-9')).res.status).toBe(200);
  });

  it('locks an account after five wrong passwords with 429 and the time it ends, then lets the person in', async () => {
    for (let i = 0; i < ACCOUNT_RULES.maxFailures - 1; i++) expect((await signIn('10815', `bad-password-${i}`)).res.status).toBe(401);
    const locked = await signIn('10815', 'bad-password-last');
    expect(locked.res.status).toBe(429);
    expect(locked.body.error).toMatchObject({ code: 'rate_limited', retryAt: expect.any(String) });
    const right = await signIn('10815');
    expect([right.res.status, right.setCookie]).toEqual([429, null]);
    advance(ACCOUNT_RULES.lockoutMs + 1000);
    expect((await signIn('10815')).res.status).toBe(200);
  });

  it('ends a session after two idle hours', async () => {
    const cookie = await signedIn('10731');
    expect((await call('session.me', {}, cookie)).status).toBe(200);
    advance(ACCOUNT_RULES.sessionIdleMs + 1000);
    expect(await call('session.me', {}, cookie)).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
  });

  it('disabling an account mid-session: its socket is closed at once and its next call is 401', async () => {
    const agent = await signedIn('23338');
    const admin = await signedIn('90001');
    const socket = await openSocket(agent);
    const gone = closed(socket);
    expect((await call('accounts.setDisabled', { id: DEMO_AGENTS.qianWei.id, disabled: true }, admin)).status).toBe(200);
    expect(await gone).toBe(SESSION_ENDED);
    expect(await call('session.me', {}, agent)).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    expect((await signIn('23338')).res.status).toBe(401);
    await call('accounts.setDisabled', { id: DEMO_AGENTS.qianWei.id, disabled: false }, admin);
  });

  it('signing out ends the session, clears the cookie and closes its socket; another session of the same person stays', async () => {
    const cookie = await signedIn('10688');
    const other = await signedIn('10688');
    const socket = await openSocket(cookie);
    const otherSocket = await openSocket(other);
    const gone = closed(socket);
    const res = await fetch(`${base}/api/auth/sign-out`, { method: 'POST', headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^kept_session=; .*Expires=Thu, 01 Jan 1970/);
    expect(await gone).toBe(SESSION_ENDED);
    expect((await call('session.me', {}, cookie)).status).toBe(401);
    expect((await call('session.me', {}, other)).status).toBe(200);
    expect(otherSocket.readyState).toBe(WebSocket.OPEN);
    otherSocket.close();
  });

  it('refuses sign-in from another origin', async () => {
    const res = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { ...json, origin: 'https://evil.example' },
      body: JSON.stringify({ employeeNo: '20001', password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe('the sign-in rate limit per address', () => {
  it('answers 429 rate_limited with a retry time past the limit, whatever the password', async () => {
    const limited = await buildServer({ core: t.core, signInRateLimit: { max: 3, timeWindowMs: 60_000 } });
    const url = await limited.listen({ host: '127.0.0.1', port: 0 });
    try {
      for (let i = 0; i < 3; i++) expect((await signIn('20001', `wrong-password-${i}`, url)).res.status).toBe(401);
      const refused = await signIn('20001', DEMO_PASSWORD, url);
      expect(refused.res.status).toBe(429);
      expect(refused.res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(refused.body).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAt: expect.any(String) } });
      expect(refused.setCookie).toBeNull();
    } finally {
      await limited.close();
    }
  });
});
