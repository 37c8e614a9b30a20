import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeskProfile, DEMO_AGENTS, DEMO_PASSWORD, listDeskProfiles, STORY_VOUCHER_CASE_ID, unlockDeskProfile } from '../../main/core';
import {
  createDeskConnection,
  createSyncRunner,
  type DeskConnection,
  type HeadlessDesk,
  memoryPersonSecrets,
  openHeadlessDesk,
  type PushOutcome,
  type SyncClient,
} from '../../main/sync';
import type { Agent } from '../../shared';
import { buildServer } from '../../server/app';
import { openTempCore, type TempCore } from '../fixtures/temp-core';

/**
 * A desk shared by several people against a real team server on loopback (SQLite), the desk's real
 * SQLite file and the real sync runner: each person at the desk is their server account, and each
 * one's writes reach the server with their own token. Only the network can be cut (a fetch that fails).
 */
let server: TempCore;
let app: FastifyInstance;
let base: string;
let dir: string;
let desk: HeadlessDesk;
let down = false;
let pushes = 0;
const flaky: typeof fetch = async (input, init) => {
  if (down) throw new TypeError('fetch failed');
  if (String(input).endsWith('/api/sync/push')) pushes += 1;
  return fetch(input, init);
};
const secrets = memoryPersonSecrets();
const saved = { url: null as string | null };

function connect(): DeskConnection {
  return createDeskConnection({
    deps: desk.opened.core.deps,
    server: { get: () => saved.url, set: (url) => (saved.url = url) },
    secrets,
    fetch: flaky,
    intervalMs: 60_000,
  });
}

async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A note written at the desk by this person (the desk's actor for the call). */
async function noteBy(actor: Agent, body: string): Promise<string> {
  const envelope = await desk.opened.core.call({ procedure: 'notes.add', input: { caseId: STORY_VOUCHER_CASE_ID, body } }, { actor });
  if (!envelope.ok) throw new Error(envelope.error.message);
  return (envelope.value as { id: string }).id;
}
const authorOnServer = async (id: string) =>
  (await server.db.selectFrom('notes').select('author_id').where('id', '=', id).executeTakeFirst())?.author_id ?? null;
/** The outbox row of the write that made this note (its args carry the note's id). */
const outboxStatus = async (noteId: string) =>
  (await desk.opened.core.deps.db.selectFrom('outbox').select('status').where('mutation', 'like', `%${noteId}%`).executeTakeFirst())
    ?.status;

let newcomer: Agent;
let localProfile: Agent;
let conn: DeskConnection;

beforeAll(async () => {
  server = await openTempCore({ accounts: true, outbox: false });
  app = await buildServer({ core: server.core, signInRateLimit: { max: 1000, timeWindowMs: 60_000 } });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  // A person the desk's own seed does not know: the server is where their account lives.
  const created = await server.core.call(
    {
      procedure: 'accounts.create',
      input: { employeeNo: '26001', name: '新同事', role: 'agent', team: '一组', password: 'kept-newcomer-2026' },
    },
    { actor: DEMO_AGENTS.admin },
  );
  if (!created.ok) throw new Error(created.error.message);
  const account = created.value as { id: string };
  newcomer = { id: account.id, employeeNo: '26001', name: '新同事', role: 'agent' };
  dir = mkdtempSync(join(tmpdir(), 'kept-desk-people-'));
  desk = await openHeadlessDesk({ file: join(dir, 'desk.db'), clientId: 'desk-people', serverUrl: base, actor: DEMO_AGENTS.desk });
  // A profile made at the desk before it had a server: it has a local id the server never issued.
  const profile = await createDeskProfile(
    desk.opened.core.deps,
    { employeeNo: '29999', name: '本地主管', role: 'supervisor', pin: '2468' },
    null,
  );
  localProfile = { id: profile.id, employeeNo: profile.employeeNo, name: profile.name, role: profile.role };
  saved.url = base;
  conn = connect();
  await conn.start();
});
afterAll(async () => {
  await conn.stop();
  await app.close();
  await desk.close();
  await server.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('each person at a desk with a team server is their server account', () => {
  it('two people sign in one after the other; each one’s note reaches the server under their own name', async () => {
    const first = await conn.signIn('20001', DEMO_PASSWORD);
    expect(first).toMatchObject({
      ok: true,
      agent: { id: DEMO_AGENTS.desk.id },
      state: { signedIn: true, person: { employeeNo: '20001' } },
    });
    const hers = await noteBy(DEMO_AGENTS.desk, '林晓：客户要求回电');

    const second = await conn.signIn('26001', 'kept-newcomer-2026', '1357');
    if (!second.ok) throw new Error(second.error.message);
    // Their agent row is on the desk under the server's id, and the PIN is bound to it.
    expect(second.agent).toEqual(newcomer);
    const row = await desk.opened.core.deps.db.selectFrom('agents').selectAll().where('id', '=', newcomer.id).executeTakeFirst();
    expect(row).toMatchObject({ employee_no: '26001', name: '新同事', role: 'agent', disabled: 0 });
    expect((await listDeskProfiles(desk.opened.core.deps)).map((p) => p.id)).toContain(newcomer.id);
    expect(second.state).toMatchObject({ signedIn: true, person: { employeeNo: '26001' } });
    const his = await noteBy(newcomer, '新同事：已核对积分');

    await until(async () => (await authorOnServer(his)) !== null && (await authorOnServer(hers)) !== null);
    expect(await authorOnServer(hers)).toBe(DEMO_AGENTS.desk.id);
    expect(await authorOnServer(his)).toBe(newcomer.id);
    // Each person's refresh token is kept on its own.
    expect((await secrets.people()).sort()).toEqual([DEMO_AGENTS.desk.id, newcomer.id].sort());
    // The agent row written at sign-in is the server's already: it never enters the outbox to be pushed back.
    const adopted = await desk.opened.core.deps.db
      .selectFrom('outbox')
      .select('mutation_id')
      .where('mutation', 'like', `%${newcomer.id}%`)
      .where('mutation', 'like', '%accounts.%')
      .execute();
    expect(adopted).toEqual([]);
  });

  it('a person whose account is disabled at the server stops only their own writes', async () => {
    const disabled = await server.core.call(
      { procedure: 'accounts.setDisabled', input: { id: newcomer.id, disabled: true } },
      { actor: DEMO_AGENTS.admin },
    );
    expect(disabled.ok).toBe(true);
    // His write comes first in the outbox; hers after it still goes.
    const his = await noteBy(newcomer, '新同事：停用之后');
    const hers = await noteBy(DEMO_AGENTS.desk, '林晓：停用之后');
    await until(async () => (await authorOnServer(hers)) !== null);
    expect(await authorOnServer(hers)).toBe(DEMO_AGENTS.desk.id);
    await until(async () => !conn.hasSignIn(newcomer.id));
    expect(await authorOnServer(his)).toBeNull();
    expect(await outboxStatus(his)).toBe('pending');
    expect(conn.hasSignIn(DEMO_AGENTS.desk.id)).toBe(true);
    expect(await secrets.people()).toEqual([DEMO_AGENTS.desk.id]);
    // Unlocking as him now finds no sign-in: his writes keep waiting.
    expect(conn.switchTo(newcomer.id)).toBe(false);
    expect(await conn.state()).toMatchObject({ signedIn: false, person: null });
    const later = await noteBy(DEMO_AGENTS.desk, '林晓：再写一条');
    await until(async () => (await authorOnServer(later)) !== null);
    expect(await outboxStatus(his)).toBe('pending');
  });

  it('offline, a person who signed in here before unlocks with their PIN and works; the writes go when the server is back', async () => {
    // Bind a PIN for her with one more online sign-in; that ends her earlier sign-in at the server.
    const again = await conn.signIn('20001', DEMO_PASSWORD, '8642');
    expect(again.ok).toBe(true);
    // A restart while the network is gone: the stored sign-in stands.
    await conn.stop();
    down = true;
    conn = connect();
    await conn.start();
    const unlocked = await unlockDeskProfile(desk.opened.core.deps, DEMO_AGENTS.desk.id, '8642');
    expect(unlocked).toMatchObject({ ok: true, agent: { id: DEMO_AGENTS.desk.id, employeeNo: '20001' } });
    expect(conn.switchTo(DEMO_AGENTS.desk.id)).toBe(true);
    const offline = await noteBy(DEMO_AGENTS.desk, '林晓：离线记录');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await authorOnServer(offline)).toBeNull();
    expect(await conn.state()).toMatchObject({ signedIn: true, online: false, person: { employeeNo: '20001' } });
    down = false;
    await until(async () => (await authorOnServer(offline)) !== null, 20_000);
    expect(await authorOnServer(offline)).toBe(DEMO_AGENTS.desk.id);
  });

  it('a profile that never signed in against the server cannot push: its writes wait, everyone else’s go', async () => {
    const unlocked = await unlockDeskProfile(desk.opened.core.deps, localProfile.id, '2468');
    expect(unlocked.ok).toBe(true);
    expect(conn.switchTo(localProfile.id)).toBe(false);
    expect(await conn.state()).toMatchObject({ signedIn: false, person: null });
    const local = await noteBy(localProfile, '本地主管：未登录服务器');
    const hers = await noteBy(DEMO_AGENTS.desk, '林晓：之后一条');
    await until(async () => (await authorOnServer(hers)) !== null);
    expect(await authorOnServer(local)).toBeNull();
    expect(await outboxStatus(local)).toBe('pending');
    const refused = await desk.opened.core.deps.db.selectFrom('outbox').select('mutation_id').where('status', '=', 'refused').execute();
    expect(refused).toEqual([]);
    // Held writes send nothing: no request is made for them.
    const before = pushes;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(pushes).toBe(before);
    // Nothing of the local person ever reached the server, not even their account.
    const theirs = await server.db.selectFrom('agents').select('id').where('id', '=', localProfile.id).executeTakeFirst();
    expect(theirs).toBeUndefined();
  });
  it('a server account whose employee number a local profile holds cannot take over the desk: refused in words, no token kept', async () => {
    const created = await server.core.call(
      { procedure: 'accounts.create', input: { employeeNo: '29999', name: '同号同事', role: 'agent', password: 'kept-same-no-2026' } },
      { actor: DEMO_AGENTS.admin },
    );
    expect(created.ok).toBe(true);
    const before = (await secrets.people()).sort();
    await expect(conn.signIn('29999', 'kept-same-no-2026')).rejects.toMatchObject({
      code: 'conflict',
      issues: [{ path: 'employeeNo', message: 'employee_no_taken' }],
    });
    expect((await secrets.people()).sort()).toEqual(before);
    // The local profile is untouched.
    expect((await listDeskProfiles(desk.opened.core.deps)).find((p) => p.employeeNo === '29999')?.id).toBe(localProfile.id);
  });
});

describe('the runner and writes held for a person without a sign-in', () => {
  /** The runner under test around a client that reports one unsent write and this push outcome. */
  async function pushesIn(ms: number, outcome: PushOutcome): Promise<number> {
    let calls = 0;
    const client: SyncClient = {
      pushOnce: async () => (calls++, outcome),
      pullOnce: async () => ({ applied: 0, failed: 0, cursor: 0 }),
      status: async () => ({ online: true, pending: 1, lastError: null }),
      retryAt: () => 0,
      onStatus: () => () => undefined,
      fetchCustomer: async () => null,
    };
    const runner = createSyncRunner({
      client,
      deps: desk.opened.core.deps,
      serverUrl: base,
      intervalMs: 600_000,
      openSocket: () => ({ on: () => undefined, close: () => undefined }),
    });
    runner.start();
    await new Promise((resolve) => setTimeout(resolve, ms));
    await runner.stop();
    return calls;
  }

  it('waits for that sign-in instead of retrying at once, which an unsent write otherwise does', async () => {
    expect(await pushesIn(300, { sent: 0, waiting: false, held: true })).toBeLessThanOrEqual(2);
    // The contrast: a write left unsent for a retry is tried again as soon as the retry is due (here at once).
    expect(await pushesIn(300, { sent: 0, waiting: false })).toBeGreaterThan(5);
  });
});
