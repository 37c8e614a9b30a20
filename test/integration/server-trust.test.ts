import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DRAFT_MAX_CHARS } from '../../shared';
import { buildServer, DEFAULT_BODY_LIMIT } from '../../server/app';
import { movableClock, registerTestClock } from '../../server/test-clock';
import { openTempCore, type TempCore } from '../fixtures/temp-core';

const CASE = '01930000-0000-7000-8000-00000000ca01';
const clock = movableClock();
let t: TempCore;
let app: FastifyInstance;
let base: string;
let port: number;
const logged: string[] = [];

beforeAll(async () => {
  t = await openTempCore({ now: clock.now });
  app = await buildServer({ core: t.core, resolveActor: () => t.actor, logRequest: (line) => logged.push(line) });
  registerTestClock(app, t.core, clock.advance);
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  port = Number(new URL(base).port);
});
afterAll(async () => {
  await app.close();
  await t.dispose();
});

/** Node's fetch will not let a caller set Host; inject sends what a rebinding browser would. */
const inject = (headers: Record<string, string>, url = '/api/rpc/customers.lookup') =>
  app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify({ input: { phone: '13800138000' } }),
  });

describe('the host allow-list (DNS rebinding)', () => {
  it.each(['127.0.0.1', 'localhost', '[::1]', 'LOCALHOST'])('answers %s on its own port', async (name) => {
    const res = await inject({ host: `${name}:${port}` });
    expect(res.statusCode).toBe(200);
  });

  it.each([
    ['another name', 'evil.example'],
    ['another name on our port', `evil.example:${'PORT'}`],
    ['our name on another port', '127.0.0.1:1'],
    ['a name with a trailing dot', `localhost.:${'PORT'}`],
    ['the bare address with no port', '127.0.0.1'],
    ['a LAN address', `192.168.1.20:${'PORT'}`],
  ])('refuses %s with a typed 403', async (_what, host) => {
    const res = await inject({ host: host.replace('PORT', String(port)) });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ ok: false, error: { code: 'forbidden', message: 'This server does not answer to that host name.' } });
  });

  it('guards the health check and the console page too', async () => {
    const health = await app.inject({ method: 'GET', url: '/api/health', headers: { host: 'rebound.example' } });
    expect(health.statusCode).toBe(403);
    const page = await app.inject({ method: 'GET', url: '/', headers: { host: 'rebound.example' } });
    expect(page.statusCode).toBe(403);
  });

  it('answers configured names, with or without a port, and no longer the defaults', async () => {
    const named = await buildServer({ core: t.core, resolveActor: () => t.actor, allowedHosts: ['kept.example.cn', 'desk7:8080'] });
    try {
      await named.listen({ host: '127.0.0.1', port: 0 });
      const own = (named.server.address() as { port: number }).port;
      const ask = async (host: string, origin?: string) =>
        (await named.inject({ method: 'GET', url: '/api/health', headers: { host, ...(origin ? { origin } : {}) } })).statusCode;
      expect(await ask('kept.example.cn')).toBe(200);
      expect(await ask(`kept.example.cn:${own}`)).toBe(200);
      expect(await ask('desk7:8080')).toBe(200);
      expect(await ask('desk7')).toBe(403);
      expect(await ask(`127.0.0.1:${own}`)).toBe(403);
      expect(await ask('kept.example.cn', 'https://kept.example.cn')).toBe(200);
      expect(await ask('kept.example.cn', 'http://desk7:8080')).toBe(200);
      expect(await ask('kept.example.cn', 'https://evil.example')).toBe(403);
    } finally {
      await named.close();
    }
  });
});

describe('the Origin check', () => {
  it.each([`http://127.0.0.1:PORT`, `http://localhost:PORT`])('answers our own origin %s', async (origin) => {
    const res = await inject({ host: `127.0.0.1:${port}`, origin: origin.replace('PORT', String(port)) });
    expect(res.statusCode).toBe(200);
  });

  it.each([
    'https://evil.example',
    'http://127.0.0.1:1',
    'null',
    'http://127.0.0.1:PORT/path',
    'http://user@127.0.0.1:PORT',
    'file://',
    'chrome-extension://abcdef',
  ])('refuses %s', async (origin) => {
    const res = await inject({ host: `127.0.0.1:${port}`, origin: origin.replace('PORT', String(port)) });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  async function upgrade(headers: Record<string, string>): Promise<{ opened: boolean; status?: number }> {
    const socket = new WebSocket(`${base.replace('http', 'ws')}/api/events`, { headers });
    return new Promise((resolve) => {
      socket.once('open', () => {
        socket.close();
        resolve({ opened: true });
      });
      socket.once('unexpected-response', (_req, res) => {
        resolve({ opened: false, status: res.statusCode ?? 0 });
        socket.terminate();
      });
      socket.once('error', () => resolve({ opened: false }));
    });
  }

  it('opens the event socket for our origin and refuses the upgrade for another origin or host', async () => {
    expect(await upgrade({ origin: base })).toEqual({ opened: true });
    expect(await upgrade({ origin: 'https://evil.example' })).toEqual({ opened: false, status: 403 });
    expect(await upgrade({ host: 'rebound.example', origin: 'http://rebound.example' })).toEqual({ opened: false, status: 403 });
  });
});

describe('answers', () => {
  it('are never cached: every API answer and the health check say no-store, errors too', async () => {
    const ok = await fetch(`${base}/api/health`);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const lookup = await fetch(`${base}/api/rpc/customers.lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: { phone: '13800138000' } }),
    });
    expect(lookup.status).toBe(200);
    expect(lookup.headers.get('cache-control')).toBe('no-store');
    const missing = await fetch(`${base}/api/nothing`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
    const refused = await inject({ host: 'evil.example' });
    expect(refused.headers['cache-control']).toBe('no-store');
  });
});

describe('the request log', () => {
  it('writes method, procedure, status and duration, and no phone digits, query string or body', async () => {
    logged.length = 0;
    const res = await fetch(`${base}/api/rpc/customers.lookup?phone=13912345678`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: { phone: '139 1234 5678' } }),
    });
    expect(res.status).toBe(200);
    await expect.poll(() => logged.length).toBe(1);
    const line = logged[0]!;
    expect(JSON.parse(line)).toMatchObject({ method: 'POST', route: 'customers.lookup', status: 200 });
    expect(typeof JSON.parse(line).ms).toBe('number');
    expect(line.replace(/"at":"[^"]*"/, '').replace(/"ms":[\d.]+/, '')).not.toMatch(/1234|5678|139/);
    expect(line).not.toContain('phone');
  });

  it('names neither an unknown procedure nor an unknown path as sent', async () => {
    logged.length = 0;
    await fetch(`${base}/api/rpc/13912345678`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await fetch(`${base}/api/13912345678`);
    await expect.poll(() => logged.length).toBe(2);
    expect(logged.map((l) => JSON.parse(l) as { route: string; status: number })).toEqual([
      expect.objectContaining({ route: '(unknown procedure)', status: 404 }),
      expect.objectContaining({ route: '(no route)', status: 404 }),
    ]);
    expect(logged.join('\n')).not.toContain('13912345678');
  });

  it('logs refused requests too', async () => {
    logged.length = 0;
    await inject({ host: 'evil.example' });
    await expect.poll(() => logged.length).toBe(1);
    expect(JSON.parse(logged[0]!)).toMatchObject({ method: 'POST', status: 403 });
  });
});

describe('the test clock', () => {
  it('answers a peer on this machine', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test/clock',
      headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json' },
      payload: '{"advanceMinutes":0}',
      remoteAddress: '127.0.0.1',
    });
    expect(res.statusCode).toBe(200);
  });

  it.each(['192.168.1.20', '10.0.0.8', '::ffff:192.168.1.20', 'fe80::1'])(
    'refuses a peer at %s and leaves the clock alone',
    async (peer) => {
      const before = clock.now().getTime();
      const res = await app.inject({
        method: 'POST',
        url: '/api/test/clock',
        headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json' },
        payload: '{"advanceMinutes":600}',
        remoteAddress: peer,
      });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(clock.now().getTime() - before).toBeLessThan(60_000);
    },
  );
});

describe('the body limit and the longest draft', () => {
  const save = (body: string) =>
    fetch(`${base}/api/rpc/drafts.save`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: { caseId: CASE, body } }),
    });

  it('fits any draft the contract accepts', () => {
    // Each UTF-16 unit is at most 6 bytes in JSON (\u0001 or an escaped surrogate); 3 in UTF-8.
    expect(DEFAULT_BODY_LIMIT).toBeGreaterThan(DRAFT_MAX_CHARS * 6 + 1024);
  });

  it('accepts a maximal draft of 4-byte characters over HTTP, and keeps it whole', async () => {
    const body = '𠀀'.repeat(DRAFT_MAX_CHARS / 2); // DRAFT_MAX_CHARS UTF-16 units, 4 bytes each pair in UTF-8
    expect(body.length).toBe(DRAFT_MAX_CHARS);
    const res = await save(body);
    expect(res.status).toBe(200);
    const read = await fetch(`${base}/api/rpc/drafts.get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: { caseId: CASE } }),
    });
    expect(((await read.json()) as { value: { body: string } }).value.body).toBe(body);
  });

  it('accepts a maximal draft that JSON must escape (6 bytes a character)', async () => {
    const body = '\u0001'.repeat(DRAFT_MAX_CHARS);
    expect(JSON.stringify(body).length).toBeGreaterThan(DRAFT_MAX_CHARS * 6);
    expect((await save(body)).status).toBe(200);
  });

  it('refuses one character more with the contract own issue, and a body over the limit with payload_too_large', async () => {
    const tooLong = await save('长'.repeat(DRAFT_MAX_CHARS + 1));
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ message: 'too_long' }] } });
    const huge = await save('\u0001'.repeat(Math.ceil(DEFAULT_BODY_LIMIT / 6) + 10));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
  });
});
