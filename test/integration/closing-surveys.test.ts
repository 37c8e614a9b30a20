import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../shared';
import { customerWithCall, DESK, resolveCase, SUPERVISOR } from '../fixtures/supervision';
import { expectAppError, openTempCore, type TempCore } from '../fixtures/temp-core';

let t: TempCore;
let phone = 13900033000;
beforeEach(async () => {
  t = await openTempCore();
});
afterEach(() => t.dispose());

const fresh = () => customerWithCall(t, DESK, String(++phone));
const closingMessages = async (caseId: string) =>
  (await t.call('messages.list', { caseId })).filter((m) => m.template === 'case_closing' || m.template === 'case_survey');

describe('resolving a case (peak-end)', () => {
  it('queues a closing summary naming the case, what was done and the promises kept, and a survey with its token, in the same transaction', async () => {
    const { kase } = await fresh();
    const kept = await t.call('commitments.create', { caseId: kase.id, kind: 'callback', wording: '明天上午回电说明账单明细' });
    await t.call('commitments.resolve', { id: kept.commitment.id, status: 'kept', reason: '已回电' });
    const other = await t.call('commitments.create', { caseId: kase.id, kind: 'information', wording: '发送账单明细短信' });
    await t.call('commitments.resolve', { id: other.commitment.id, status: 'cancelled', reason: '客户不需要了' });

    const resolved = await resolveCase(t, kase.id, DESK);
    expect(resolved.status).toBe('resolved');
    const messages = await closingMessages(kase.id);
    const summary = messages.find((m) => m.template === 'case_closing')!;
    const survey = messages.find((m) => m.template === 'case_survey')!;
    expect(summary.body).toContain(kase.number);
    expect(summary.body).toContain('账单疑问');
    expect(summary.body).toContain('明天上午回电说明账单明细');
    expect(summary.body).not.toContain('发送账单明细短信');
    expect(summary.body).toContain(DESK.employeeNo);
    expect(summary).toMatchObject({ status: 'queued', locale: 'zh-CN', to: '+86' + String(phone) });
    const [open] = await t.call('surveys.list', { caseId: kase.id });
    expect(open).toMatchObject({ messageId: survey.id, score: null, answeredAt: null, agent: { id: DESK.id } });
    const token = (t.sqlite.raw.prepare('select token from surveys where id = ?').get(open!.id) as { token: string }).token;
    expect(survey.body).toContain(token);
    expect(survey.body).toContain('1-5');
    // One transaction: the case row, both messages and the survey carry the same time; all audited.
    const stamps = t.sqlite.raw
      .prepare(
        "select (select resolved_at from cases where id = ?) as c, (select group_concat(distinct created_at) from messages where case_id = ? and template like 'case_%') as m, (select created_at from surveys where case_id = ?) as s",
      )
      .get(kase.id, kase.id, kase.id) as { c: string; m: string; s: string };
    expect(new Set([stamps.c, stamps.m, stamps.s]).size).toBe(1);
    expect((await t.call('audit.verify', {}, { actor: SUPERVISOR })).ok).toBe(true);
  });

  it('in English when asked; resolved → closed sends nothing more; reopened and resolved again sends a new survey', async () => {
    const { kase } = await fresh();
    await resolveCase(t, kase.id, DESK, 'en');
    const english = (await closingMessages(kase.id)).map((m) => m.body).join('\n');
    expect(english).toContain('is resolved');
    expect(english).toContain('Reply 1-5');
    await resolveCase(t, kase.id, DESK, 'zh-CN', 'closed');
    expect((await closingMessages(kase.id)).length).toBe(2);
    const closed = await t.call('cases.get', { id: kase.id });
    await t.call('cases.update', { id: kase.id, version: closed.version, status: 'open' });
    expect(t.sqlite.raw.prepare('select resolved_at from cases where id = ?').get(kase.id)).toEqual({ resolved_at: null });
    await resolveCase(t, kase.id, DESK);
    expect((await closingMessages(kase.id)).length).toBe(4);
    expect((await t.call('surveys.list', { caseId: kase.id })).length).toBe(2);
  });

  it('keeps the summary within 3 SMS segments however many promises were kept', async () => {
    const { kase } = await fresh();
    for (let i = 0; i < 6; i++) {
      const c = await t.call('commitments.create', {
        caseId: kase.id,
        kind: 'information',
        wording: `第${i + 1}项：${'核实账单并书面说明'.repeat(5)}`,
      });
      await t.call('commitments.resolve', { id: c.commitment.id, status: 'kept', reason: '已完成' });
    }
    await resolveCase(t, kase.id, DESK);
    const summary = (await closingMessages(kase.id)).find((m) => m.template === 'case_closing')!;
    expect([...summary.body].length).toBeLessThanOrEqual(3 * 67);
    expect(summary.body).toContain('第1项');
    expect(summary.body).toMatch(/等6项/);
  });
});

describe('survey answers typed in by an agent', () => {
  it('records a good score once; a second answer is a conflict; the case stays resolved', async () => {
    const { kase } = await fresh();
    await resolveCase(t, kase.id, DESK);
    const answered = await t.call('surveys.answer', { caseId: kase.id, score: 5, comment: '很满意' });
    expect(answered).toMatchObject({ score: 5, comment: '很满意', answeredVia: 'agent', reopened: false });
    const again = await expectAppError(t.call('surveys.answer', { caseId: kase.id, score: 1 }));
    expect(again).toMatchObject({ code: 'conflict', issues: [{ path: 'token', message: 'already_answered' }] });
    expect((await t.call('cases.get', { id: kase.id })).status).toBe('resolved');
    expect((await t.call('surveys.list', { caseId: kase.id }))[0]!.score).toBe(5);
  });

  it('a score of 2 or less reopens the case as a level-2 escalation (low_csat), in one audited transaction', async () => {
    const { kase } = await fresh();
    await resolveCase(t, kase.id, DESK);
    const before = await t.call('cases.get', { id: kase.id });
    const answered = await t.call('surveys.answer', { caseId: kase.id, score: 2, comment: '问题没解决' });
    expect(answered.reopened).toBe(true);
    const after = await t.call('cases.get', { id: kase.id }, { actor: SUPERVISOR });
    expect(after).toMatchObject({ status: 'open', level: 2, version: before.version + 1 });
    expect(after.escalations.filter((e) => e.reason === 'low_csat')).toMatchObject([{ level: 2, status: 'open' }]);
    expect(after.escalations[0]!.detail).toContain('问题没解决');
    const queue = await t.call('escalations.list', { status: 'open' }, { actor: SUPERVISOR });
    expect(queue.some((e) => e.caseId === kase.id && e.reason === 'low_csat')).toBe(true);
    expect((await t.call('audit.verify', {}, { actor: SUPERVISOR })).ok).toBe(true);
  });

  it('a retried call (same mutation id) is answered once', async () => {
    const { kase } = await fresh();
    await resolveCase(t, kase.id, DESK);
    const mutationId = newId();
    const first = await t.call('surveys.answer', { caseId: kase.id, score: 1 }, { mutationId });
    const retry = await t.call('surveys.answer', { caseId: kase.id, score: 1 }, { mutationId });
    expect(retry.id).toBe(first.id);
    const n = t.sqlite.raw.prepare("select count(*) as n from escalations where case_id = ? and reason = 'low_csat'").get(kase.id);
    expect(n).toEqual({ n: 1 });
  });

  it.each([
    ['a wrong token', { token: 'ZZZZZZZZZZ', score: 4 }, 'not_found'],
    ['a score of 0', { score: 0 }, 'invalid_input'],
    ['a score of 6', { score: 6 }, 'invalid_input'],
    ['a score of 3.5', { score: 3.5 }, 'invalid_input'],
    ['a blank comment', { score: 3, comment: '   ' }, 'invalid_input'],
  ])('refuses %s', async (_what, input, code) => {
    const { kase } = await fresh();
    await resolveCase(t, kase.id, DESK);
    expect((await expectAppError(t.call('surveys.answer', { caseId: kase.id, ...input }))).code).toBe(code);
    expect((await t.call('surveys.list', { caseId: kase.id }))[0]!.answeredAt).toBeNull();
  });

  it('refuses a case with no survey (never resolved) and an unknown case', async () => {
    const { kase } = await fresh();
    expect((await expectAppError(t.call('surveys.answer', { caseId: kase.id, score: 4 }))).code).toBe('not_found');
    expect((await expectAppError(t.call('surveys.answer', { caseId: newId(), score: 4 }))).code).toBe('not_found');
  });

  it('accepts the token the customer reads out, in any case', async () => {
    const { kase } = await fresh();
    await resolveCase(t, kase.id, DESK);
    const token = (t.sqlite.raw.prepare('select token from surveys where case_id = ?').get(kase.id) as { token: string }).token;
    expect((await t.call('surveys.answer', { caseId: kase.id, token: token.toLowerCase(), score: 4 })).score).toBe(4);
  });
});
