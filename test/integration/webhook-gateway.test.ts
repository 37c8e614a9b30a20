import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchMessages, webhookGateway, STORY_VOUCHER_CASE_ID, STORY_VOUCHER_CASE_NUMBER } from '../../main/core';
import { openTempCore, type TempCore } from '../fixtures/temp-core';

const VOUCHER_CASE = STORY_VOUCHER_CASE_ID;

/** A real receiver on loopback that fails the first attempts of every message, and keeps what it accepted. */
function flakyReceiver(failuresPerMessage: number) {
  const attempts = new Map<string, number>();
  const accepted: { key: string; body: { id: string; body: string } }[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += String(chunk)));
    req.on('end', () => {
      const key = String(req.headers['idempotency-key']);
      const n = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, n);
      if (n <= failuresPerMessage) {
        res.writeHead(n === 1 ? 503 : 500).end();
        return;
      }
      // The receiver's side of exactly once: a repeat of an accepted key is acknowledged, not re-processed.
      if (!accepted.some((a) => a.key === key)) accepted.push({ key, body: JSON.parse(raw) as { id: string; body: string } });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  return { server, attempts, accepted };
}

let t: TempCore;
// The core's clock stands still unless a test moves it: a backoff is then measured only in the
// steps taken here, never in how long a pass of sends took on a busy machine.
let clock = Date.now();
let receiver: ReturnType<typeof flakyReceiver>;
let url: string;

beforeAll(async () => {
  t = await openTempCore({ now: () => new Date(clock) });
  receiver = flakyReceiver(2);
  await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/sms`;
});
afterAll(async () => {
  await new Promise<void>((resolve, reject) => (receiver.server as Server).close((e) => (e ? reject(e) : resolve())));
  await t.dispose();
});

describe('the webhook gateway', () => {
  it('delivers every message exactly once through failures, with backoff and an idempotency key', async () => {
    for (const wording of ['明天上午回电', '为您延期30天', '补发兑换码'])
      await t.call('commitments.create', { caseId: VOUCHER_CASE, kind: 'information', wording });
    const queued = (t.sqlite.raw.prepare("select id from messages where status = 'queued'").all() as { id: string }[]).map((r) => r.id);
    expect(queued.length).toBeGreaterThanOrEqual(3);

    const gateway = webhookGateway({ url, timeoutMs: 2_000 });
    const policy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 8_000 };
    let rounds = 0;
    while ((t.sqlite.raw.prepare("select count(*) n from messages where status = 'queued'").get() as { n: number }).n > 0 && rounds < 20) {
      await dispatchMessages(t.core.deps, gateway, policy);
      const attemptedNow = [...receiver.attempts.values()].reduce((a, b) => a + b, 0);
      // an immediate second pass sends nothing: failed messages wait for their backoff
      await dispatchMessages(t.core.deps, gateway, policy);
      expect([...receiver.attempts.values()].reduce((a, b) => a + b, 0)).toBe(attemptedNow);
      clock += 10_000; // move the clock past the longest backoff
      rounds += 1;
    }

    const rows = t.sqlite.raw.prepare('select id, status, attempts, gateway from messages').all() as {
      id: string;
      status: string;
      attempts: number;
      gateway: string;
    }[];
    expect(rows.every((r) => r.status === 'sent' && r.gateway === 'webhook' && r.attempts === 3)).toBe(true);
    expect(receiver.accepted.map((a) => a.key).sort()).toEqual(rows.map((r) => r.id).sort());
    for (const id of queued) expect(receiver.attempts.get(id)).toBe(3);
    expect(receiver.accepted.every((a) => a.body.id === a.key && a.body.body.includes(STORY_VOUCHER_CASE_NUMBER))).toBe(true);

    // nothing left to send: another pass delivers nothing twice
    await dispatchMessages(t.core.deps, gateway, policy);
    expect(receiver.accepted).toHaveLength(rows.length);
  });

  it('gives up after the last attempt and marks the message failed with the reason', async () => {
    await t.call('commitments.create', { caseId: VOUCHER_CASE, kind: 'information', wording: '发不出去的短信' });
    const dead = webhookGateway({ url: 'http://127.0.0.1:9/unreachable', timeoutMs: 500 });
    const policy = { maxAttempts: 2, baseDelayMs: 100, maxDelayMs: 100 };
    await dispatchMessages(t.core.deps, dead, policy);
    clock += 1_000;
    await dispatchMessages(t.core.deps, dead, policy);
    const row = t.sqlite.raw.prepare("select status, attempts, last_error from messages where body like '%发不出去的短信%'").get() as {
      status: string;
      attempts: number;
      last_error: string;
    };
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    expect(row.last_error.length).toBeGreaterThan(0);
  });
});
