import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, DESK_AGENT, dispatchMessages, STORY_CUSTOMER_ID, STORY_VOUCHER_CASE_ID, webhookGateway } from '../../main/core';
import { deskGateway } from '../../main/sync';
import { type DeskSet, deskSet, type SyncServer, startSyncServer } from '../fixtures/sync';
import { openTempCore, type TempCore } from '../fixtures/temp-core';

/** The SMS provider: a real receiver on loopback that keeps every message id it was sent. */
function receiver(): { server: Server; received: string[] } {
  const received: string[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += String(chunk)));
    req.on('end', () => {
      received.push((JSON.parse(raw) as { id: string }).id);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  return { server, received };
}

let server: TempCore;
let http: SyncServer;
let desks: DeskSet;
let sms: ReturnType<typeof receiver>;
let smsUrl: string;

beforeEach(async () => {
  server = await openTempCore({ outbox: false });
  http = await startSyncServer(server.core);
  desks = deskSet(http);
  sms = receiver();
  await new Promise<void>((r) => sms.server.listen(0, '127.0.0.1', r));
  smsUrl = `http://127.0.0.1:${(sms.server.address() as AddressInfo).port}/sms`;
});
afterEach(async () => {
  await http.close();
  await desks.dispose();
  await server.dispose();
  await new Promise((r) => sms.server.close(r));
});

describe('customer messages with a team server', () => {
  it('the server delivers a connected desk’s messages once; neither the writing desk nor a pulling desk sends any', async () => {
    const a = await desks.open('a', DESK_AGENT);
    const b = await desks.open('b', DEMO_AGENTS.wangFang);
    await b.call('customers.pop', { customerId: STORY_CUSTOMER_ID });
    const made = await a.call('commitments.create', { caseId: STORY_VOUCHER_CASE_ID, kind: 'callback', wording: '明天上午回电' });
    await a.sync.pushOnce();
    await b.sync.pullOnce();
    const onB = await b.opened.db.selectFrom('messages').select('status').where('id', '=', made.message.id).executeTakeFirst();
    expect(onB).toEqual({ status: 'queued' });

    // Both desks run their dispatcher with the gateway a connected desk gets: nothing leaves them.
    const provider = webhookGateway({ url: smsUrl, timeoutMs: 2000 });
    for (const desk of [a, b]) {
      const gateway = deskGateway({ serverUrl: http.base, standalone: provider });
      expect(gateway.delivers).toBe(false);
      expect(await dispatchMessages(desk.opened.core.deps, gateway)).toEqual({ sent: 0, failed: 0 });
    }
    expect(sms.received).toEqual([]);

    // The server sends it, once.
    expect((await dispatchMessages(server.core.deps, provider)).sent).toBeGreaterThanOrEqual(1);
    await dispatchMessages(server.core.deps, provider);
    expect(sms.received.filter((id) => id === made.message.id)).toEqual([made.message.id]);
    const onServer = await server.db.selectFrom('messages').select('status').where('id', '=', made.message.id).executeTakeFirst();
    expect(onServer).toEqual({ status: 'sent' });
  });

  it('a standalone desk (no server) keeps its own gateway and sends as before', async () => {
    const desk = await openTempCore();
    try {
      const made = await desk.call('commitments.create', { caseId: STORY_VOUCHER_CASE_ID, kind: 'callback', wording: '稍后回电' });
      const gateway = deskGateway({ serverUrl: null, standalone: webhookGateway({ url: smsUrl, timeoutMs: 2000 }) });
      await dispatchMessages(desk.core.deps, gateway);
      expect(sms.received).toContain(made.message.id);
    } finally {
      await desk.dispose();
    }
  });
});
