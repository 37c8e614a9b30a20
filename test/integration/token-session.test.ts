import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_RULES, DEMO_AGENTS, DEMO_PASSWORD } from '../../main/core';
import { createTokenSession, memorySecretStore, type SecretStore, type TokenSession } from '../../main/sync/token-session';
import { buildServer } from '../../server/app';
import { openTempCore, type TempCore } from '../fixtures/temp-core';

/** The desk's token session against a real server on loopback; server and desk clocks move apart on purpose. */
let t: TempCore;
let app: FastifyInstance;
let base: string;
let serverOffset = 0;
let deskOffset = 0;
let refreshes = 0;

beforeAll(async () => {
  t = await openTempCore({ accounts: true, outbox: false, now: () => new Date(Date.now() + serverOffset) });
  app = await buildServer({ core: t.core, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  app.addHook('onRequest', async (request) => {
    if (request.url === '/api/auth/desk/refresh') refreshes += 1;
  });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await app.close();
  await t.dispose();
});

/** A store that survives "restarts" of the session (what safeStorage gives). */
function persistentStore(): SecretStore & { value: string | null } {
  const store = {
    persistent: true,
    value: null as string | null,
    get: async () => store.value,
    set: async (v: string) => {
      store.value = v;
    },
    clear: async () => {
      store.value = null;
    },
  };
  return store;
}

function session(secrets: SecretStore = memorySecretStore(), clientId = 'desk-ts', fetchImpl?: typeof fetch): TokenSession {
  return createTokenSession({
    serverUrl: base,
    clientId,
    secrets,
    clock: () => Date.now() + deskOffset,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}

async function me(s: TokenSession): Promise<{ status: number; id?: string }> {
  const res = await s.fetch(`${base}/api/rpc/session.me`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ input: {} }),
  });
  const body = (await res.json()) as { value?: { id: string } };
  return { status: res.status, ...(body.value ? { id: body.value.id } : {}) };
}

describe('the desk token session', () => {
  it('signs in, calls as the person, and keeps the refresh token only in the secret store', async () => {
    const store = persistentStore();
    const s = session(store);
    expect(await s.headers()).toEqual({});
    const result = await s.signIn('20001', DEMO_PASSWORD);
    expect(result).toMatchObject({ ok: true, agent: { id: DEMO_AGENTS.desk.id } });
    expect(s.state()).toMatchObject({ signedIn: true, remembered: true, agent: { employeeNo: '20001' } });
    expect(store.value).toMatch(/^kdr_/);
    expect((await s.headers()).authorization).toMatch(/^Bearer kda_/);
    expect(await me(s)).toEqual({ status: 200, id: DEMO_AGENTS.desk.id });
  });

  it('refuses a wrong password with the server’s typed error and stores nothing', async () => {
    const store = persistentStore();
    const s = session(store);
    const result = await s.signIn('20001', 'wrong-password-1');
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(store.value).toBeNull();
    expect(s.state().signedIn).toBe(false);
  });

  it('refreshes shortly before the access token runs out, once for callers at the same time', async () => {
    const store = persistentStore();
    const s = session(store);
    await s.signIn('10452', DEMO_PASSWORD);
    const before = (await s.headers()).authorization;
    const firstRefresh = store.value;
    refreshes = 0;
    deskOffset += ACCOUNT_RULES.deskAccessMs - 30_000;
    const all = await Promise.all([s.headers(), s.headers(), me(s), me(s)]);
    expect(refreshes).toBe(1);
    expect(all[0].authorization).not.toBe(before);
    expect(all[1].authorization).toBe(all[0].authorization);
    expect(all[2]).toMatchObject({ status: 200 });
    expect(all[3]).toMatchObject({ status: 200 });
    expect(store.value).not.toBe(firstRefresh);
    deskOffset = 0;
  });

  it('on a 401 (the server’s clock ahead of the desk’s) refreshes and retries the call once', async () => {
    const s = session();
    await s.signIn('10731', DEMO_PASSWORD);
    serverOffset += ACCOUNT_RULES.deskAccessMs + 1000;
    refreshes = 0;
    expect(await me(s)).toMatchObject({ status: 200 });
    expect(refreshes).toBe(1);
  });

  it('resumes at the next start from the stored refresh token; a store that is memory only asks again', async () => {
    const store = persistentStore();
    await session(store).signIn('10815', DEMO_PASSWORD);
    const restarted = session(store);
    expect(restarted.state().signedIn).toBe(false);
    expect(await restarted.resume()).toBe(true);
    expect(restarted.state()).toMatchObject({ signedIn: true, agent: { employeeNo: '10815' } });
    expect(await me(restarted)).toMatchObject({ status: 200 });
    // Without a persistent store a new start has nothing to resume from.
    const memory = session(memorySecretStore());
    expect(await memory.resume()).toBe(false);
  });

  it('is signed out when the server ends the sign-in (account disabled): the stored token is forgotten', async () => {
    const store = persistentStore();
    const s = session(store);
    await s.signIn('23338', DEMO_PASSWORD);
    const changes: boolean[] = [];
    s.onChange((state) => changes.push(state.signedIn));
    const admin = session(memorySecretStore(), 'desk-admin');
    await admin.signIn('90001', DEMO_PASSWORD);
    const disable = (disabled: boolean) =>
      admin.fetch(`${base}/api/rpc/accounts.setDisabled`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ input: { id: DEMO_AGENTS.qianWei.id, disabled } }),
      });
    expect((await disable(true)).status).toBe(200);
    expect((await me(s)).status).toBe(401);
    expect(s.state().signedIn).toBe(false);
    expect(store.value).toBeNull();
    expect(changes).toEqual([false]);
    expect(await s.headers()).toEqual({});
    expect((await disable(false)).status).toBe(200);
  });

  it('signing in again ends the earlier sign-in at the server', async () => {
    const store = persistentStore();
    const s = session(store);
    await s.signIn('20001', DEMO_PASSWORD);
    const earlier = store.value!;
    expect(await s.signIn('10452', DEMO_PASSWORD)).toMatchObject({ ok: true, agent: { employeeNo: '10452' } });
    expect(store.value).not.toBe(earlier);
    const reused = await fetch(`${base}/api/auth/desk/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: earlier }),
    });
    expect(reused.status).toBe(401);
    expect(await me(s)).toMatchObject({ status: 200 });
  });

  it('signs out: the server revokes the tokens and the store is emptied', async () => {
    const store = persistentStore();
    const s = session(store);
    await s.signIn('10688', DEMO_PASSWORD);
    const token = store.value!;
    await s.signOut();
    expect(store.value).toBeNull();
    expect(s.state().signedIn).toBe(false);
    const reused = await fetch(`${base}/api/auth/desk/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: token }),
    });
    expect(reused.status).toBe(401);
  });

  it('keeps the stored sign-in while the server is unreachable, and uses it once the server is back', async () => {
    const store = persistentStore();
    await session(store).signIn('20001', DEMO_PASSWORD);
    let down = true;
    const flaky: typeof fetch = async (input, init) => {
      if (down) throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    const s = session(store, 'desk-ts', flaky);
    expect(await s.resume()).toBe(false);
    expect(s.state().signedIn).toBe(true);
    expect(await s.headers()).toEqual({});
    await expect(me(s)).rejects.toThrow();
    expect(store.value).toMatch(/^kdr_/);
    expect(await s.signIn('20001', DEMO_PASSWORD)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    down = false;
    expect(await me(s)).toMatchObject({ status: 200, id: DEMO_AGENTS.desk.id });
  });
});

describe('a refresh that cannot go through', () => {
  it('keeps using an access token still inside its life while the refresh is throttled, then refreshes', async () => {
    serverOffset = 0;
    deskOffset = 0;
    let throttled = true;
    const throttling: typeof fetch = async (input, init) => {
      if (throttled && String(input).endsWith('/api/auth/desk/refresh'))
        return new Response(JSON.stringify({ ok: false, error: { code: 'rate_limited', message: 'Too many attempts.' } }), {
          status: 429,
          headers: { 'content-type': 'application/json' },
        });
      return fetch(input, init);
    };
    const s = session(memorySecretStore(), 'desk-ts', throttling);
    await s.signIn('20001', DEMO_PASSWORD);
    const before = (await s.headers()).authorization;
    deskOffset += ACCOUNT_RULES.deskAccessMs - 30_000;
    serverOffset = deskOffset;
    expect((await s.headers()).authorization).toBe(before);
    expect(await me(s)).toMatchObject({ status: 200 });
    expect(s.state().signedIn).toBe(true);
    throttled = false;
    expect((await s.headers()).authorization).not.toBe(before);
    deskOffset = 0;
    serverOffset = 0;
  });
});
