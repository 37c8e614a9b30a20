import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../server/app';
import { SIGNATURE_HEADER, signSurveyDelivery, SURVEY_WEBHOOK_PATH } from '../../server/survey-webhook';
import { customerWithCall, DESK, resolveCase, SUPERVISOR } from '../fixtures/supervision';
import { openTempCore, type TempCore } from '../fixtures/temp-core';

const SECRET = 'test-survey-secret-0123456789';
let t: TempCore;
let app: FastifyInstance;
let unsigned: FastifyInstance;
let base: string;
let unsignedBase: string;
let phone = 13900055000;
let offsetMs = 0;

beforeAll(async () => {
  t = await openTempCore({ now: () => new Date(Date.now() + offsetMs) });
  app = await buildServer({ core: t.core, resolveActor: () => t.actor, surveySecret: SECRET });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  unsigned = await buildServer({ core: t.core, resolveActor: () => t.actor });
  unsignedBase = await unsigned.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await app.close();
  await unsigned.close();
  await t.dispose();
});

/** A resolved case and its survey's token. */
async function resolvedCase() {
  const { kase } = await customerWithCall(t, DESK, String(++phone));
  await resolveCase(t, kase.id, DESK);
  const { token } = t.sqlite.raw.prepare('select token from surveys where case_id = ?').get(kase.id) as { token: string };
  return { kase, token };
}

const nowSeconds = () => Math.floor((Date.now() + offsetMs) / 1000);

async function deliver(body: string, signature: string | null, at = base) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== null) headers[SIGNATURE_HEADER] = signature;
  const res = await fetch(`${at}${SURVEY_WEBHOOK_PATH}`, { method: 'POST', headers, body });
  return {
    status: res.status,
    body: (await res.json()) as { ok: boolean; value?: Record<string, unknown>; error?: { code: string; issues?: unknown } },
  };
}

const answers = (caseId: string) =>
  t.sqlite.raw.prepare('select score, answered_via from surveys where case_id = ? and answered_at is not null').all(caseId);

describe('POST /api/webhooks/survey', () => {
  it('records a signed answer from the gateway, once', async () => {
    const { kase, token } = await resolvedCase();
    const body = JSON.stringify({ caseNumber: kase.number, token, score: 4, comment: '处理及时' });
    const res = await deliver(body, signSurveyDelivery(SECRET, body, nowSeconds()));
    expect(res).toMatchObject({ status: 200, body: { ok: true, value: { caseId: kase.id, reopened: false, duplicate: false } } });
    expect(answers(kase.id)).toEqual([{ score: 4, answered_via: 'webhook' }]);
    const [survey] = await t.call('surveys.list', { caseId: kase.id });
    expect(survey).toMatchObject({ score: 4, comment: '处理及时', answeredVia: 'webhook' });
  });

  it('a low score reopens the case as a level-2 escalation', async () => {
    const { kase, token } = await resolvedCase();
    const body = JSON.stringify({ caseNumber: kase.number, token, score: 1 });
    const res = await deliver(body, signSurveyDelivery(SECRET, body, nowSeconds()));
    expect(res.body.value).toMatchObject({ reopened: true });
    const view = await t.call('cases.get', { id: kase.id }, { actor: SUPERVISOR });
    expect(view).toMatchObject({ status: 'open', level: 2 });
    expect(view.escalations.map((e) => [e.reason, e.level, e.status, e.raisedBy.employeeNo])).toContainEqual(['low_csat', 2, 'open', '0']);
    expect((await t.call('audit.verify', {}, { actor: SUPERVISOR })).ok).toBe(true);
  });

  it('a replayed delivery (same signature) is a no-op; another answer to the same survey is a conflict', async () => {
    const { kase, token } = await resolvedCase();
    const body = JSON.stringify({ caseNumber: kase.number, token, score: 2 });
    const signature = signSurveyDelivery(SECRET, body, nowSeconds());
    expect((await deliver(body, signature)).body.value).toMatchObject({ duplicate: false, reopened: true });
    expect(await deliver(body, signature)).toMatchObject({ status: 200, body: { value: { duplicate: true } } });
    const other = JSON.stringify({ caseNumber: kase.number, token, score: 5 });
    expect(await deliver(other, signSurveyDelivery(SECRET, other, nowSeconds()))).toMatchObject({
      status: 409,
      body: { error: { code: 'conflict' } },
    });
    expect(answers(kase.id)).toEqual([{ score: 2, answered_via: 'webhook' }]);
    const low = t.sqlite.raw.prepare("select count(*) as n from escalations where case_id = ? and reason = 'low_csat'").get(kase.id);
    expect(low).toEqual({ n: 1 });
  });

  it.each([
    ['no signature', () => null, 'missing'],
    ['a malformed header', () => 'v1=abc', 'malformed'],
    ['a wrong secret', (body: string) => signSurveyDelivery('another-secret-0123456789', body, nowSeconds()), 'bad_signature'],
    ['a signature over another body', () => signSurveyDelivery(SECRET, '{"score":5}', nowSeconds()), 'bad_signature'],
    ['a timestamp 6 minutes old', (body: string) => signSurveyDelivery(SECRET, body, nowSeconds() - 360), 'stale_timestamp'],
    ['a timestamp 6 minutes ahead', (body: string) => signSurveyDelivery(SECRET, body, nowSeconds() + 360), 'stale_timestamp'],
    [
      'a timestamp changed after signing',
      (body: string) => signSurveyDelivery(SECRET, body, nowSeconds() - 10).replace(/^t=\d+/, `t=${nowSeconds()}`),
      'bad_signature',
    ],
  ])('refuses %s with 403 and writes nothing', async (_what, sign, reason) => {
    const { kase, token } = await resolvedCase();
    const body = JSON.stringify({ caseNumber: kase.number, token, score: 1 });
    const res = await deliver(body, sign(body));
    expect(res).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden', issues: [{ message: reason }] } } });
    expect(answers(kase.id)).toEqual([]);
    expect((await t.call('cases.get', { id: kase.id })).status).toBe('resolved');
  });

  it('accepts a timestamp within the window, by the server’s clock', async () => {
    const { kase, token } = await resolvedCase();
    const body = JSON.stringify({ caseNumber: kase.number, token, score: 5 });
    const signedNow = nowSeconds();
    offsetMs = 4 * 60_000; // the server's clock moved 4 minutes on: still within ±5
    try {
      expect((await deliver(body, signSurveyDelivery(SECRET, body, signedNow))).status).toBe(200);
    } finally {
      offsetMs = 0;
    }
  });

  it.each([
    ['an unknown case', (n: string, token: string) => ({ caseNumber: 'C-0000-0000', token, score: 4 }), 404, 'not_found'],
    ['an unknown token', (n: string) => ({ caseNumber: n, token: 'ZZZZZZZZZZ', score: 4 }), 404, 'not_found'],
    ['a score of 9', (n: string, token: string) => ({ caseNumber: n, token, score: 9 }), 400, 'invalid_input'],
    ['unknown fields', (n: string, token: string) => ({ caseNumber: n, token, score: 4, agent: '20001' }), 400, 'invalid_input'],
  ])('refuses %s, signed or not', async (_what, make, status, code) => {
    const { kase, token } = await resolvedCase();
    const body = JSON.stringify(make(kase.number, token));
    expect(await deliver(body, signSurveyDelivery(SECRET, body, nowSeconds()))).toMatchObject({ status, body: { error: { code } } });
    expect(answers(kase.id)).toEqual([]);
  });

  it('a token of another case is unknown on this one', async () => {
    const one = await resolvedCase();
    const two = await resolvedCase();
    const body = JSON.stringify({ caseNumber: one.kase.number, token: two.token, score: 4 });
    expect((await deliver(body, signSurveyDelivery(SECRET, body, nowSeconds()))).status).toBe(404);
    expect(answers(two.kase.id)).toEqual([]);
  });

  it('refuses a body that is not JSON, and answers unavailable without a configured secret', async () => {
    const body = 'score=1';
    expect((await deliver(body, signSurveyDelivery(SECRET, body, nowSeconds()))).body.error).toMatchObject({ code: 'bad_request' });
    const { kase, token } = await resolvedCase();
    const json = JSON.stringify({ caseNumber: kase.number, token, score: 1 });
    expect(await deliver(json, signSurveyDelivery(SECRET, json, nowSeconds()), unsignedBase)).toMatchObject({
      status: 503,
      body: { error: { code: 'unavailable' } },
    });
    expect(answers(kase.id)).toEqual([]);
  });
});
