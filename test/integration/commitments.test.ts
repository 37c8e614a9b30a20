import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type CoreEvent,
  DEMO_AGENTS,
  STORY_CUSTOMER_ID,
  tickCommitments,
  STORY_PHONE,
  STORY_VOUCHER_CASE_ID,
  STORY_VOUCHER_CASE_NUMBER,
} from '../../main/core';
import { expectAppError, openTempCore, type TempCore } from '../fixtures/temp-core';
import { NO_SUCH_ID } from '../fixtures/demo-ids';

const VOUCHER_CASE = STORY_VOUCHER_CASE_ID;
const HOUR = 3_600_000;
let t: TempCore;
let offset = 0;

beforeEach(async () => {
  offset = 0;
  t = await openTempCore({ now: () => new Date(Date.now() + offset) });
});
afterEach(() => t.dispose());

describe('the seed story', () => {
  it('already shows the broken 48-hour callback, escalated', async () => {
    const brief = await t.call('customers.brief', { customerId: STORY_CUSTOMER_ID });
    expect(brief.commitments.broken.map((c) => c.wording).join()).toContain('48小时内回电');
    expect(brief.commitments.broken.every((c) => c.owner.employeeNo.length > 0)).toBe(true);
    const escalations = await t.call('escalations.list', { caseId: VOUCHER_CASE });
    expect(escalations.some((e) => e.reason !== 'authority' && e.commitmentId !== null)).toBe(true);
  });
});

describe('a promised callback, end to end', () => {
  it('is confirmed in writing, shows in the brief, is alerted when due, then broken and escalated after the grace period', async () => {
    const events: CoreEvent[] = [];
    t.core.bus.on((e) => events.push(e));
    const created = await t.call('commitments.create', {
      caseId: VOUCHER_CASE,
      kind: 'callback',
      wording: '今天18点前回电告知兑换券延期结果',
    });
    const { commitment, message, decision } = created;
    const answer = await t.call('policy.evaluate', { caseId: VOUCHER_CASE });
    // due time defaulted from the sla table's callback window
    expect(Date.parse(commitment.dueAt) - Date.now()).toBeGreaterThan((answer.sla.callbackHours - 0.1) * HOUR);
    expect(Date.parse(commitment.dueAt) - Date.now()).toBeLessThan((answer.sla.callbackHours + 0.1) * HOUR);
    expect(commitment).toMatchObject({ status: 'open', owner: { employeeNo: '20001' }, caseNumber: STORY_VOUCHER_CASE_NUMBER });
    expect(message.status).toBe('queued');
    for (const part of [STORY_VOUCHER_CASE_NUMBER, '今天18点前回电告知兑换券延期结果', '20001', '完成期限'])
      expect(message.body).toContain(part);
    expect(message.to).toBe(STORY_PHONE);
    expect(decision).toMatchObject({ action: 'commitment.callback', bundleVersion: answer.bundleVersion });
    expect(decision?.ruleIds.sla?.length).toBe(1);

    const view = await t.call('cases.get', { id: VOUCHER_CASE });
    expect(view.messages.map((m) => m.id)).toContain(message.id);
    expect(view.decisions.map((d) => d.id)).toContain(decision!.id);
    let brief = await t.call('customers.brief', { customerId: STORY_CUSTOMER_ID });
    expect([...brief.commitments.open, ...brief.commitments.dueSoon].map((c) => c.id)).toContain(commitment.id);

    // just past due: the owner is alerted, nothing is broken yet
    offset = Date.parse(commitment.dueAt) - Date.now() + 60_000;
    let tick = await tickCommitments(t.core.deps);
    expect(tick.alerted).toContain(commitment.id);
    expect(tick.broken).not.toContain(commitment.id);
    expect(events).toContainEqual({
      event: 'alert',
      payload: expect.objectContaining({ kind: 'commitment_due', commitmentId: commitment.id, ownerId: t.actor.id }),
    });
    brief = await t.call('customers.brief', { customerId: STORY_CUSTOMER_ID });
    expect(brief.commitments.overdue.map((c) => c.id)).toContain(commitment.id);

    // past the grace period: broken, escalated, with the decision behind it
    offset += commitment.graceHours * HOUR;
    tick = await tickCommitments(t.core.deps);
    expect(tick.broken).toEqual([commitment.id]);
    expect((await tickCommitments(t.core.deps)).broken).toEqual([]); // a second tick changes nothing
    brief = await t.call('customers.brief', { customerId: STORY_CUSTOMER_ID });
    expect(brief.commitments.broken.map((c) => c.id)).toContain(commitment.id);
    const escalation = (await t.call('escalations.list', { caseId: VOUCHER_CASE })).find((e) => e.commitmentId === commitment.id);
    expect(escalation).toMatchObject({
      status: 'open',
      raisedBy: { employeeNo: '0' },
      caseNumber: STORY_VOUCHER_CASE_NUMBER,
      customerName: '何志明',
      detail: commitment.wording,
    });
    expect(escalation!.level).toBeGreaterThanOrEqual(2);
    const decisions = await t.call('decisions.list', { caseId: VOUCHER_CASE });
    const broken = decisions.find((d) => d.action === 'commitment.broken');
    expect(broken?.ruleIds.escalation?.length).toBeGreaterThan(0);
    // recorded under the owner's authority, so the next agent never reads it as a wider grant
    expect(broken?.ruleIds.authority).toEqual(['auth-agent']);
    expect(events).toContainEqual({
      event: 'alert',
      payload: expect.objectContaining({ kind: 'commitment_broken', commitmentId: commitment.id }),
    });
  });

  it('marks kept or cancelled with a reason, and writes to the customer each time', async () => {
    const a = (await t.call('commitments.create', { caseId: VOUCHER_CASE, kind: 'information', wording: '把延期后的截止日期短信发给您' }))
      .commitment;
    const kept = await t.call('commitments.resolve', { id: a.id, status: 'kept', reason: '已发短信' });
    expect(kept.commitment.status).toBe('kept');
    expect(kept.message.body).toContain('已兑现');
    const b = (await t.call('commitments.create', { caseId: VOUCHER_CASE, kind: 'callback', wording: 'Call back tomorrow', locale: 'en' }))
      .commitment;
    const cancelled = await t.call('commitments.resolve', {
      id: b.id,
      status: 'cancelled',
      reason: 'Customer called us first',
      locale: 'en',
    });
    expect(cancelled.message.body).toContain('Customer called us first');
    expect(cancelled.message.locale).toBe('en');
    const again = await expectAppError(t.call('commitments.resolve', { id: b.id, status: 'kept', reason: 'x' }));
    expect(again.code).toBe('conflict');
    expect(
      (await t.call('messages.list', { caseId: VOUCHER_CASE })).filter((m) => [a.id, b.id].includes(m.commitmentId ?? '')).length,
    ).toBe(4);
  });
});

describe('authority is enforced in core', () => {
  it('grants goodwill within the agent limit, refuses above it, and accepts it after a supervisor approves', async () => {
    const answer = await t.call('policy.evaluate', { caseId: VOUCHER_CASE });
    const goodwill = answer.offers.find((o) => o.offer === 'goodwill')!;
    const ok = await t.call('commitments.create', {
      caseId: VOUCHER_CASE,
      kind: 'goodwill',
      wording: `赠送${goodwill.limit}元话费补偿`,
      amount: goodwill.limit,
    });
    expect(ok.decision?.action).toBe('commitment.goodwill');

    const conversion = await expectAppError(
      t.call('commitments.create', { caseId: VOUCHER_CASE, kind: 'conversion', wording: '将50元兑换券折算为话费', amount: 50 }),
    );
    expect(conversion).toMatchObject({ code: 'forbidden', issues: [{ path: 'amount', message: 'above_authority' }] });

    const request = await t.call('escalations.request', {
      caseId: VOUCHER_CASE,
      offer: 'conversion',
      amount: 50,
      reason: '门店缺货且商城维护，客户要求折算话费',
    });
    expect(request).toMatchObject({ status: 'open', level: 2, reason: 'authority' });
    expect((await expectAppError(t.call('escalations.decide', { id: request.id, approve: true }))).code).toBe('forbidden');
    expect(request.decisionNote).toBeNull();
    const approved = await t.call(
      'escalations.decide',
      { id: request.id, approve: true, note: '因我方故障，同意折算' },
      { actor: DEMO_AGENTS.supervisor },
    );
    expect(approved).toMatchObject({ status: 'approved', decidedBy: { employeeNo: '30001' }, decisionNote: '因我方故障，同意折算' });
    // The agent who asked reads the supervisor's words on the case.
    const onCase = await t.call('escalations.list', { caseId: VOUCHER_CASE });
    expect(onCase.find((e) => e.id === request.id)?.decisionNote).toBe('因我方故障，同意折算');

    const granted = await t.call('commitments.create', {
      caseId: VOUCHER_CASE,
      kind: 'conversion',
      wording: '将50元兑换券折算为话费',
      amount: 50,
    });
    expect(granted.commitment.amount).toBe(50);
    // Grants add up: with the voucher's 50 converted, nothing of the policy's limit is left.
    expect(
      (await expectAppError(t.call('commitments.create', { caseId: VOUCHER_CASE, kind: 'conversion', wording: '再折算一次', amount: 50 })))
        .issues?.[0]?.message,
    ).toBe('above_policy_limit');
  });

  it('refuses what policy does not allow, even for a supervisor', async () => {
    const other = await t.call('customers.create', { name: '普通客户', phone: '13100000077' });
    const kase = await t.call('cases.create', { customerId: other.id, title: '积分券', category: 'points_voucher' });
    const error = await expectAppError(
      t.call(
        'commitments.create',
        { caseId: kase.id, kind: 'refund', wording: '退还预存款', amount: 100, supplied: { prepaidAmount: 100 } },
        { actor: DEMO_AGENTS.supervisor },
      ),
    );
    expect(error).toMatchObject({ code: 'forbidden', issues: [{ path: 'fromOffer', message: 'not_allowed_by_policy' }] });
  });
});

describe('bad input gets a clear typed error and writes nothing', () => {
  const count = () =>
    (t.sqlite.raw.prepare('select (select count(*) from commitments) + (select count(*) from messages) n').get() as { n: number }).n;

  it.each([
    ['a due time in the past', { kind: 'callback', wording: '回电', dueAt: '2020-01-01T00:00:00.000Z' }, 'dueAt', 'due_in_past'],
    ['a negative amount', { kind: 'goodwill', wording: '补偿', amount: -10 }, 'amount', 'negative'],
    ['a fractional amount', { kind: 'goodwill', wording: '补偿', amount: 1.5 }, 'amount', 'whole_number'],
    ['an amount above the policy limit', { kind: 'extension', wording: '延期', amount: 365 }, 'amount', 'above_policy_limit'],
    ['a grant with no amount', { kind: 'goodwill', wording: '补偿' }, 'amount', 'required'],
    ['wording over the limit', { kind: 'callback', wording: '长'.repeat(141) }, 'wording', 'too_long'],
    ['empty wording', { kind: 'callback', wording: '  ' }, 'wording', 'required'],
    ['a confirmation too long for an SMS', { kind: 'callback', wording: '请'.repeat(130) }, 'wording', 'sms_too_long'],
    ['an unknown kind', { kind: 'bribe', wording: '好处' }, 'kind', undefined],
  ])('%s', async (_what, input, path, message) => {
    const before = count();
    const error = await expectAppError(t.call('commitments.create', { caseId: VOUCHER_CASE, ...(input as object) } as never));
    expect(['invalid_input', 'forbidden']).toContain(error.code);
    expect(error.issues?.[0]?.path).toBe(path);
    if (message) expect(error.issues?.[0]?.message).toBe(message);
    expect(count()).toBe(before);
  });
});

describe('a new deadline the customer agreed to', () => {
  it('moves the due time, tells the customer the new one in writing, and the clock starts over', async () => {
    const { commitment } = await t.call('commitments.create', {
      caseId: VOUCHER_CASE,
      kind: 'callback',
      wording: '明天中午前回电告知补货时间',
    });
    // Past due and alerted: the owner calls the customer, who agrees to two more days.
    offset = Date.parse(commitment.dueAt) - Date.now() + 60_000;
    expect((await tickCommitments(t.core.deps)).alerted).toContain(commitment.id);
    const newDue = new Date(Date.now() + offset + 48 * HOUR).toISOString();
    const { commitment: moved, message } = await t.call('commitments.reschedule', {
      id: commitment.id,
      dueAt: newDue,
      reason: '门店周四补货，客户同意延后',
    });
    expect(moved).toMatchObject({ status: 'open', dueAt: newDue, overdue: false });
    expect(message).toMatchObject({ template: 'commitment_rescheduled', status: 'queued', to: STORY_PHONE });
    for (const part of [STORY_VOUCHER_CASE_NUMBER, '明天中午前回电告知补货时间', '门店周四补货，客户同意延后', '20001', '期限改为'])
      expect(message.body).toContain(part);

    // Not broken at the old deadline's grace period; alerted again at the new one.
    offset += commitment.graceHours * HOUR;
    expect((await tickCommitments(t.core.deps)).broken).not.toContain(commitment.id);
    offset = Date.parse(newDue) - Date.now() + 60_000;
    expect((await tickCommitments(t.core.deps)).alerted).toContain(commitment.id);

    const audit = t.sqlite.raw
      .prepare("select data from audit_log where action = 'commitments.reschedule' and entity = 'commitment'")
      .get() as { data: string };
    expect(JSON.parse(audit.data)).toMatchObject({ dueAt: { from: commitment.dueAt, to: newDue }, reason: '门店周四补货，客户同意延后' });
  });

  it('refuses a deadline in the past, an empty reason, and a promise already settled, writing nothing', async () => {
    const { commitment } = await t.call('commitments.create', { caseId: VOUCHER_CASE, kind: 'callback', wording: '回电' });
    const messages = () => (t.sqlite.raw.prepare('select count(*) n from messages').get() as { n: number }).n;
    const before = messages();
    const past = await expectAppError(
      t.call('commitments.reschedule', { id: commitment.id, dueAt: '2020-01-01T00:00:00.000Z', reason: '客户同意' }),
    );
    expect(past.issues?.[0]).toMatchObject({ path: 'dueAt', message: 'due_in_past' });
    const later = new Date(Date.now() + 72 * HOUR).toISOString();
    expect(
      (await expectAppError(t.call('commitments.reschedule', { id: commitment.id, dueAt: later, reason: '  ' }))).issues?.[0],
    ).toMatchObject({ path: 'reason', message: 'required' });
    expect(messages()).toBe(before);

    await t.call('commitments.resolve', { id: commitment.id, status: 'kept', reason: '已回电' });
    const settled = await expectAppError(t.call('commitments.reschedule', { id: commitment.id, dueAt: later, reason: '客户同意' }));
    expect(settled).toMatchObject({ code: 'conflict', issues: [{ path: 'status', message: 'not_open' }] });
    expect((await expectAppError(t.call('commitments.reschedule', { id: NO_SUCH_ID, dueAt: later, reason: '客户同意' }))).code).toBe(
      'not_found',
    );
  });
});
