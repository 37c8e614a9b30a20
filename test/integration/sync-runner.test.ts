import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEMO_AGENTS, DESK_AGENT, STORY_CUSTOMER_ID, STORY_VOUCHER_CASE_ID } from '../../main/core';
import type { HeadlessDesk, SyncStatus, WebSocketLike } from '../../main/sync';
import { type DeskSet, deskSet, type SyncServer, startSyncServer, within } from '../fixtures/sync';
import { openTempCore, type TempCore } from '../fixtures/temp-core';

let server: TempCore;
let http: SyncServer;
let desks: DeskSet;

// One server for the file (its demo accounts take seconds to hash); each test opens its own desks.
beforeAll(async () => {
  server = await openTempCore({ outbox: false, accounts: true });
  http = await startSyncServer(server.core);
});
afterAll(async () => {
  await http.close();
  await server.dispose();
});
beforeEach(() => {
  desks = deskSet(http);
});
afterEach(async () => {
  http.setDown(false);
  await desks.dispose();
});

/** The desk opens the seed customer: from now on its pulls bring that customer's changes. */
const hold = (desk: HeadlessDesk) => desk.call('customers.pop', { customerId: STORY_CUSTOMER_ID });

const hasNote = (desk: HeadlessDesk, id: string) => async () =>
  (await desk.opened.db.selectFrom('notes').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

/** ws sockets the runner opened, so a test can cut them like a dropped connection. */
function trackedSockets(): { open: (url: string, headers: Record<string, string>) => WebSocketLike; sockets: WebSocket[] } {
  const sockets: WebSocket[] = [];
  return {
    sockets,
    open(url, headers) {
      const socket = new WebSocket(url, { headers });
      socket.on('error', () => undefined);
      sockets.push(socket);
      return socket;
    },
  };
}

describe('sync runner', () => {
  it('pushes after each local write and a poked desk pulls it, without anyone calling push or pull', async () => {
    // A long timer: only the poke can bring the note in time.
    const a = await desks.open('a', DESK_AGENT, { signedIn: true, runner: { intervalMs: 600_000 } });
    const b = await desks.open('b', DEMO_AGENTS.wangFang, { signedIn: true, runner: { intervalMs: 600_000 } });
    await hold(b);
    // Both have reached the server once (and opened their sockets meanwhile) before the write.
    await within(2000, async () => (await a.runner!.status()).online && (await b.runner!.status()).online);
    await new Promise((r) => setTimeout(r, 200));
    const note = await a.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: '客户说已收到短信' });
    const took = await within(2000, hasNote(b, note.id));
    expect(took).toBeLessThan(2000);
    expect(await a.runner!.status()).toEqual({ online: true, pending: 0, lastError: null });
  });

  it('keeps writes while the server is unreachable, reports offline, and delivers them once it is back (back-off)', async () => {
    const statuses: SyncStatus[] = [];
    const a = await desks.open('a2', DESK_AGENT, {
      signedIn: true,
      baseDelayMs: 100,
      maxDelayMs: 200,
      runner: { intervalMs: 600_000, reconnectBaseMs: 50, reconnectMaxMs: 100 },
    });
    a.runner!.onStatus((s) => statuses.push(s));
    await within(2000, async () => (await a.runner!.status()).online);
    http.setDown(true);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await a.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: `离线 ${i}` })).id);
    await within(2000, async () => !(await a.runner!.status()).online);
    expect(await a.runner!.status()).toMatchObject({ online: false, pending: 3 });
    http.setDown(false);
    // No call here: the runner's retry timer (the client's retryAt) pushes on its own.
    await within(3000, async () => (await a.runner!.status()).pending === 0);
    const onServer = await server.db.selectFrom('notes').select('id').where('id', 'in', ids).execute();
    expect(onServer).toHaveLength(3);
    const ledger = await server.db.selectFrom('applied_mutations').select('id').where('client_id', '=', 'desk-a2').execute();
    expect(ledger).toHaveLength(3);
    expect(statuses.some((s) => !s.online && s.pending === 3)).toBe(true);
    expect(statuses.at(-1)).toEqual({ online: true, pending: 0, lastError: null });
  });

  it('reopens a dropped event socket with back-off and catches up on what it missed meanwhile', async () => {
    const tracked = trackedSockets();
    const a = await desks.open('a3', DESK_AGENT, { signedIn: true });
    const b = await desks.open('b3', DEMO_AGENTS.wangFang, {
      signedIn: true,
      runner: { intervalMs: 600_000, openSocket: tracked.open, reconnectBaseMs: 300, reconnectMaxMs: 300 },
    });
    await hold(b);
    await within(2000, async () => tracked.sockets[0]?.readyState === WebSocket.OPEN);
    tracked.sockets[0]!.terminate();
    // While B has no socket, A writes and pushes: B hears no poke for it.
    const note = await a.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: '断线期间写的' });
    await a.sync.pushOnce();
    expect(await hasNote(b, note.id)()).toBe(false);
    await within(2000, async () => tracked.sockets.length === 2 && tracked.sockets[1]!.readyState === WebSocket.OPEN);
    await within(2000, hasNote(b, note.id));
    // And the new socket carries pokes again.
    const later = await a.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: '重连之后写的' });
    await a.sync.pushOnce();
    await within(2000, hasNote(b, later.id));
  });

  it('pulls on its timer when no poke can arrive, and stop() ends all of it', async () => {
    const never = (): WebSocketLike => ({ on: () => undefined, close: () => undefined });
    const a = await desks.open('a4', DESK_AGENT, { signedIn: true });
    const b = await desks.open('b4', DEMO_AGENTS.wangFang, { signedIn: true, runner: { intervalMs: 150, openSocket: never } });
    await hold(b);
    const note = await a.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: '定时拉取' });
    await a.sync.pushOnce();
    await within(2000, hasNote(b, note.id));

    await b.runner!.stop();
    const after = await a.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: '停止之后' });
    await a.sync.pushOnce();
    await new Promise((r) => setTimeout(r, 500));
    expect(await hasNote(b, after.id)()).toBe(false);
    // A stopped runner pushes nothing either: B's own write stays pending.
    await b.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: '未推送' });
    await new Promise((r) => setTimeout(r, 300));
    expect(await b.sync.status()).toMatchObject({ pending: 1 });
  });
});
