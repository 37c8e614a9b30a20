import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, DEMO_PASSWORD, STORY_VOUCHER_CASE_ID } from '../../main/core';
import { createDeskConnection, type DeskConnection, type HeadlessDesk, openHeadlessDesk, type PersonSecretStore } from '../../main/sync';
import type { DeskSyncState } from '../../shared';
import { buildServer } from '../../server/app';
import { openTempCore, type TempCore } from '../fixtures/temp-core';

/**
 * The desktop's link to its team server, as main runs it but without Electron: a real server on
 * loopback, a real desk SQLite file, the runner with its real event socket. Only the network can be
 * cut (a fetch that fails) to play a lost connection.
 */
let server: TempCore;
let app: FastifyInstance;
let base: string;
let dir: string;
let desk: HeadlessDesk;
let down = false;
let requests = 0;
let standaloneId = '';
const flaky: typeof fetch = async (input, init) => {
  requests += 1;
  if (down) throw new TypeError('fetch failed');
  return fetch(input, init);
};

/** Each person's token by account id, readable by the test (`value`: the one token kept, if any). */
function store(): PersonSecretStore & { readonly value: string | null } {
  const slots = new Map<string, string>();
  return {
    persistent: true,
    get value() {
      return [...slots.values()][0] ?? null;
    },
    people: async () => [...slots.keys()],
    of: (id) => ({
      persistent: true,
      get: async () => slots.get(id) ?? null,
      set: async (v) => {
        slots.set(id, v);
      },
      clear: async () => {
        slots.delete(id);
      },
    }),
  };
}

function connect(secrets: PersonSecretStore, saved: { url: string | null }): DeskConnection {
  return createDeskConnection({
    deps: desk.opened.core.deps,
    server: { get: () => saved.url, set: (url) => (saved.url = url) },
    secrets,
    fetch: flaky,
    intervalMs: 60_000,
  });
}

async function until(check: () => Promise<boolean>, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const onServer = async (id: string) =>
  (await server.db.selectFrom('notes').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
const note = async (body: string) => (await desk.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body })).id;

beforeAll(async () => {
  server = await openTempCore({ accounts: true, outbox: false });
  app = await buildServer({ core: server.core, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'kept-desk-conn-'));
  desk = await openHeadlessDesk({ file: join(dir, 'desk.db'), clientId: 'desk-conn', serverUrl: base, actor: DEMO_AGENTS.desk });
});
afterAll(async () => {
  await app.close();
  await desk.close();
  await server.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('the desk’s team server link', () => {
  it('without a server stays standalone: no request leaves the desk, writes stay local', async () => {
    const conn = connect(store(), { url: null });
    await conn.start();
    const id = (standaloneId = await note('单机写入'));
    expect(await conn.state()).toMatchObject({ serverUrl: null, signedIn: false, online: false, pending: 1 });
    expect(requests).toBe(0);
    expect(await onServer(id)).toBe(false);
    await conn.stop();
  });

  it('signs in, then delivers writes (the standalone one too) and reports online with nothing unsent', async () => {
    const secrets = store();
    const saved = { url: null as string | null };
    const conn = connect(secrets, saved);
    await conn.start();
    expect(await conn.signIn('20001', DEMO_PASSWORD)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await conn.setServer(base);
    expect(saved.url).toBe(base);
    expect(await conn.signIn('20001', 'wrong-password-1')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(secrets.value).toBeNull();
    const seen: DeskSyncState[] = [];
    conn.onState((s) => seen.push(s));
    const signedIn = await conn.signIn('20001', DEMO_PASSWORD);
    expect(signedIn).toMatchObject({ ok: true, state: { serverUrl: base, signedIn: true, person: { employeeNo: '20001' } } });
    const id = await note('联网写入');
    await until(async () => (await onServer(id)) && (await conn.state()).pending === 0);
    expect(await conn.state()).toMatchObject({ online: true, pending: 0, lastError: null });
    expect(await onServer(standaloneId)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ online: true, pending: 0 });

    // The network goes: writes wait on the desk, counted, and the desk says it is offline.
    down = true;
    const offline = [await note('离线一'), await note('离线二'), await note('离线三')];
    await until(async () => {
      const s = await conn.state();
      return !s.online && s.pending === 3;
    });
    expect(seen.at(-1)).toMatchObject({ online: false, pending: 3 });
    for (const missing of offline) expect(await onServer(missing)).toBe(false);

    // Back: the runner's retry delivers them, once.
    down = false;
    await until(async () => (await conn.state()).pending === 0, 15_000);
    for (const delivered of offline) expect(await onServer(delivered)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ online: true, pending: 0 });

    // A restart resumes from the stored sign-in, without the password.
    await conn.stop();
    const again = connect(secrets, saved);
    await again.start();
    expect(await again.state()).toMatchObject({ serverUrl: base, signedIn: true, person: { employeeNo: '20001' } });
    const later = await note('重启之后');
    await until(() => onServer(later));

    // Signing out stops syncing and forgets the token; the next write stays on the desk.
    expect(await again.signOut()).toMatchObject({ signedIn: false, online: false });
    expect(secrets.value).toBeNull();
    const kept = await note('退出之后');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await onServer(kept)).toBe(false);
    expect((await again.state()).pending).toBe(1);
    await again.stop();
  });

  it('a change of server ends the sign-in at the old one; none makes the desk standalone again', async () => {
    const secrets = store();
    const saved = { url: base as string | null };
    const conn = connect(secrets, saved);
    await conn.start();
    await conn.signIn('20001', DEMO_PASSWORD);
    const token = secrets.value!;
    const state = await conn.setServer(null);
    expect(state).toMatchObject({ serverUrl: null, signedIn: false });
    expect(saved.url).toBeNull();
    expect(secrets.value).toBeNull();
    const reused = await fetch(`${base}/api/auth/desk/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: token }),
    });
    expect(reused.status).toBe(401);
    await conn.stop();
  });
});
