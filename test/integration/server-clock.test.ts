import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../server/app';
import { movableClock, registerTestClock } from '../../server/test-clock';
import { openTempCore, type TempCore } from '../fixtures/temp-core';
import { STORY_VOUCHER_CASE_ID } from '../../main/core';

const clock = movableClock();
let t: TempCore;
let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  t = await openTempCore({ now: clock.now });
  const app = await buildServer({ core: t.core, resolveActor: () => t.actor });
  registerTestClock(app, t.core, clock.advance);
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  close = () => app.close();
});
afterAll(async () => {
  await close();
  await t.dispose();
});

const post = (path: string, body: unknown) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the test clock (only with --test-clock)', () => {
  it('moves the server clock and runs the commitment clock at once', async () => {
    const created = (await (
      await post('/api/rpc/commitments.create', {
        input: { caseId: STORY_VOUCHER_CASE_ID, kind: 'callback', wording: '明早回电' },
      })
    ).json()) as {
      value: { commitment: { id: string; dueAt: string; graceHours: number } };
    };
    const { id, dueAt, graceHours } = created.value.commitment;
    const minutes = Math.ceil((Date.parse(dueAt) - Date.now()) / 60_000) + graceHours * 60 + 5;
    const res = await post('/api/test/clock', { advanceMinutes: minutes });
    const tick = (await res.json()) as { now: string; alerted: string[]; broken: string[] };
    expect(tick.alerted).toContain(id);
    expect(tick.broken).toContain(id);
    expect(Date.parse(tick.now)).toBeGreaterThan(Date.parse(dueAt));
    expect((await post('/api/test/clock', { advanceMinutes: -1 })).status).toBe(400);
  });
});
