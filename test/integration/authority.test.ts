import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMutation } from '../../main/core/mutations/apply';
import { STORY_CUSTOMER_ID, STORY_VOUCHER_CASE_ID } from '../../main/core';
import { newId } from '../../shared';
import { addCast, type Cast, voucherCase } from '../fixtures/authority-case';
import { expectAppError, openTempCore, type TempCore } from '../fixtures/temp-core';

// Each rule here is enforced in core, inside the write's transaction; each test fails if its rule is removed.
let t: TempCore;
let cast: Cast;
const now = new Date();
const HOUR = 3_600_000;
let phones = 13_900_000_000;
const nextPhone = () => String(++phones);

beforeAll(async () => {
  t = await openTempCore({ now: () => now });
  cast = await addCast(t);
});
afterAll(() => t.dispose());

async function issue(promise: Promise<unknown>) {
  const error = await expectAppError(promise);
  return { code: error.code, message: error.issues?.[0]?.message };
}

describe('a grant is checked against the offer of its own kind', () => {
  it('refuses naming another offer than the kind, an amount on a kind that grants nothing, and a grant without an amount', async () => {
    const as = { actor: cast.agent };
    expect(
      await issue(
        t.call(
          'commitments.create',
          { caseId: STORY_VOUCHER_CASE_ID, kind: 'refund', fromOffer: 'goodwill', wording: '退款', amount: 5 },
          as,
        ),
      ),
    ).toEqual({ code: 'forbidden', message: 'offer_mismatch' });
    expect(
      await issue(
        t.call(
          'commitments.create',
          { caseId: STORY_VOUCHER_CASE_ID, kind: 'callback', fromOffer: 'goodwill', wording: '回电', amount: 5 },
          as,
        ),
      ),
    ).toEqual({ code: 'forbidden', message: 'offer_mismatch' });
    expect(
      await issue(t.call('commitments.create', { caseId: STORY_VOUCHER_CASE_ID, kind: 'callback', wording: '回电', amount: 5 }, as)),
    ).toEqual({
      code: 'invalid_input',
      message: 'amount_not_allowed',
    });
    expect(await issue(t.call('commitments.create', { caseId: STORY_VOUCHER_CASE_ID, kind: 'goodwill', wording: '补偿' }, as))).toEqual({
      code: 'invalid_input',
      message: 'required',
    });
  });
});

describe('grants of one offer on one case add up', () => {
  it('against the policy limit', async () => {
    const { caseId } = await voucherCase(t, nextPhone());
    const supplied = { voucherValue: 60 };
    const limit = (await t.call('policy.evaluate', { caseId, supplied }, { actor: cast.agent })).offers.find(
      (o) => o.offer === 'extension',
    )!.limit;
    expect(limit).toBe(30);
    const as = { actor: cast.agent };
    await t.call('commitments.create', { caseId, kind: 'extension', wording: '兑换期延长20天', amount: 20, supplied }, as);
    await t.call('commitments.create', { caseId, kind: 'extension', wording: '再延长10天', amount: 10, supplied }, as);
    expect(await issue(t.call('commitments.create', { caseId, kind: 'extension', wording: '再延长1天', amount: 1, supplied }, as))).toEqual(
      {
        code: 'forbidden',
        message: 'above_policy_limit',
      },
    );
    // Another agent on the same case meets the same total.
    expect(
      await issue(
        t.call('commitments.create', { caseId, kind: 'extension', wording: '延长1天', amount: 1, supplied }, { actor: cast.otherAgent }),
      ),
    ).toEqual({ code: 'forbidden', message: 'above_policy_limit' });
  });

  it("against the granter's authority: an approval covers one grant, and the next needs its own", async () => {
    const { caseId } = await voucherCase(t, nextPhone());
    const supplied = { voucherValue: 50 };
    const as = { actor: cast.agent };
    const first = await t.call(
      'escalations.request',
      { caseId, offer: 'conversion', amount: 30, reason: '商城维护，客户要求折算', supplied },
      as,
    );
    await t.call('escalations.decide', { id: first.id, approve: true }, { actor: cast.supervisor });
    await t.call('commitments.create', { caseId, kind: 'conversion', wording: '折算30元话费', amount: 30, supplied }, as);
    expect(
      await issue(t.call('commitments.create', { caseId, kind: 'conversion', wording: '再折算20元', amount: 20, supplied }, as)),
    ).toEqual({
      code: 'forbidden',
      message: 'above_authority',
    });
    const second = await t.call('escalations.request', { caseId, offer: 'conversion', amount: 20, reason: '余下20元', supplied }, as);
    await t.call('escalations.decide', { id: second.id, approve: true }, { actor: cast.supervisor });
    await t.call('commitments.create', { caseId, kind: 'conversion', wording: '再折算20元', amount: 20, supplied }, as);
    // 50 of 50 granted: even a request for more is refused.
    expect(
      await issue(t.call('escalations.request', { caseId, offer: 'conversion', amount: 1, reason: '再多一元', supplied }, as)),
    ).toEqual({
      code: 'forbidden',
      message: 'above_policy_limit',
    });
  });
});

describe('facts on record win', () => {
  it('a supplied value counts only where the record has none, and is kept as supplied for the approver', async () => {
    const onRecord = await t.call(
      'policy.evaluate',
      { caseId: STORY_VOUCHER_CASE_ID, supplied: { voucherValue: 5000 } },
      { actor: cast.agent },
    );
    expect(onRecord.offers.find((o) => o.offer === 'conversion')!.limit).toBe(50);
    expect(onRecord.supplied).toEqual({});

    const { caseId } = await voucherCase(t, nextPhone());
    const request = await t.call(
      'escalations.request',
      { caseId, offer: 'conversion', amount: 80, reason: '客户称兑换券面值80元', supplied: { voucherValue: 80 } },
      { actor: cast.agent },
    );
    expect(request.supplied).toEqual({ voucherValue: 80 });
    const decisions = await t.call('decisions.list', { caseId });
    expect(decisions[0]).toMatchObject({ action: 'approval.conversion', supplied: { voucherValue: 80 }, actor: { id: cast.agent.id } });
  });

  it('a supplied fact never lowers a recorded trigger', async () => {
    const { caseId } = await voucherCase(t, nextPhone());
    await t.call('notes.add', { caseId, body: '客户表示要向工信部申诉' }, { actor: cast.agent });
    const answer = await t.call('policy.evaluate', { caseId, supplied: { regulatorMentioned: false } }, { actor: cast.agent });
    expect(answer.facts.regulatorMentioned).toBe(true);
    expect(answer.facts.complaint).toBe(true);
  });
});

describe('approvals', () => {
  it('nobody decides their own request', async () => {
    const { caseId } = await voucherCase(t, nextPhone());
    const own = await t.call(
      'escalations.request',
      { caseId, offer: 'conversion', amount: 40, reason: '班长自己申请', supplied: { voucherValue: 50 } },
      { actor: cast.supervisor },
    );
    expect(await issue(t.call('escalations.decide', { id: own.id, approve: true }, { actor: cast.supervisor }))).toEqual({
      code: 'forbidden',
      message: 'own_request',
    });
    expect(await t.call('escalations.decide', { id: own.id, approve: true }, { actor: cast.otherSupervisor })).toMatchObject({
      status: 'approved',
    });
  });

  it("beyond the approver's authority the request goes up a level, where only the complaint centre or an administrator decides", async () => {
    const { caseId } = await voucherCase(t, nextPhone());
    const supplied = { voucherValue: 300 };
    const request = await t.call(
      'escalations.request',
      { caseId, offer: 'conversion', amount: 300, reason: '面值300元', supplied },
      { actor: cast.agent },
    );
    // A supervisor may approve 200 of conversion; 300 goes to level 3, escalated, undecided.
    const raised = await t.call('escalations.decide', { id: request.id, approve: true }, { actor: cast.supervisor });
    expect(raised).toMatchObject({ status: 'escalated', level: 3, decidedBy: null });
    expect(
      await issue(
        t.call('commitments.create', { caseId, kind: 'conversion', wording: '折算300元', amount: 300, supplied }, { actor: cast.agent }),
      ),
    ).toEqual({
      code: 'forbidden',
      message: 'above_authority',
    });
    expect(await issue(t.call('escalations.decide', { id: request.id, approve: true }, { actor: cast.otherSupervisor }))).toEqual({
      code: 'forbidden',
      message: 'not_your_level',
    });
    expect(await t.call('escalations.decide', { id: request.id, approve: true }, { actor: cast.admin })).toMatchObject({
      status: 'approved',
    });
    const granted = await t.call(
      'commitments.create',
      { caseId, kind: 'conversion', wording: '折算300元', amount: 300, supplied },
      { actor: cast.agent },
    );
    expect(granted.commitment.amount).toBe(300);
  });

  it("an approval covers a grant only while its decider's authority covers the case's new total", async () => {
    const { caseId } = await voucherCase(t, nextPhone());
    const supplied = { voucherValue: 300 };
    const request = await t.call(
      'escalations.request',
      { caseId, offer: 'conversion', amount: 150, reason: '折算150', supplied },
      { actor: cast.agent },
    );
    await t.call('escalations.decide', { id: request.id, approve: true }, { actor: cast.supervisor });
    // Meanwhile an administrator grants 100 on the same case: 250 in all would pass the supervisor's 200.
    await t.call('commitments.create', { caseId, kind: 'conversion', wording: '折算100元', amount: 100, supplied }, { actor: cast.admin });
    expect(
      await issue(
        t.call('commitments.create', { caseId, kind: 'conversion', wording: '折算150元', amount: 150, supplied }, { actor: cast.agent }),
      ),
    ).toEqual({
      code: 'forbidden',
      message: 'above_authority',
    });
  });

  it('policy is evaluated again when deciding: a request the case has outgrown is refused', async () => {
    const { caseId } = await voucherCase(t, nextPhone());
    const supplied = { voucherValue: 50 };
    const request = await t.call(
      'escalations.request',
      { caseId, offer: 'conversion', amount: 40, reason: '折算40', supplied },
      { actor: cast.agent },
    );
    const other = await t.call(
      'escalations.request',
      { caseId, offer: 'conversion', amount: 30, reason: '折算30', supplied },
      { actor: cast.otherAgent },
    );
    await t.call('escalations.decide', { id: other.id, approve: true }, { actor: cast.supervisor });
    await t.call(
      'commitments.create',
      { caseId, kind: 'conversion', wording: '折算30元', amount: 30, supplied },
      { actor: cast.otherAgent },
    );
    // 30 granted since the first request: approving 40 more would pass the limit of 50.
    expect(await issue(t.call('escalations.decide', { id: request.id, approve: true }, { actor: cast.supervisor }))).toEqual({
      code: 'forbidden',
      message: 'above_policy_limit',
    });
  });
});

describe('settling and moving a commitment', () => {
  it('only its owner, a supervisor or the complaint centre may resolve or move it', async () => {
    const made = await t.call(
      'commitments.create',
      { caseId: STORY_VOUCHER_CASE_ID, kind: 'callback', wording: '明天上午回电' },
      { actor: cast.agent },
    );
    const id = made.commitment.id;
    const later = new Date(Date.parse(made.commitment.dueAt) + HOUR).toISOString();
    expect(await issue(t.call('commitments.resolve', { id, status: 'kept', reason: '已回电' }, { actor: cast.otherAgent }))).toEqual({
      code: 'forbidden',
      message: 'not_owner',
    });
    expect(await issue(t.call('commitments.reschedule', { id, dueAt: later, reason: '客户改约' }, { actor: cast.otherAgent }))).toEqual({
      code: 'forbidden',
      message: 'not_owner',
    });
    expect(await issue(t.call('commitments.resolve', { id, status: 'kept', reason: '已回电' }, { actor: cast.admin }))).toEqual({
      code: 'forbidden',
      message: 'not_owner',
    });
    await t.call('commitments.reschedule', { id, dueAt: later, reason: '客户改约' }, { actor: cast.supervisor });
    expect((await t.call('commitments.resolve', { id, status: 'kept', reason: '已回电' }, { actor: cast.agent })).commitment.status).toBe(
      'kept',
    );
  });

  it('moving is limited by policy: how often, and how far past the first deadline', async () => {
    const { caseId } = await voucherCase(t, nextPhone());
    const { sla } = await t.call('policy.evaluate', { caseId }, { actor: cast.agent });
    const made = await t.call('commitments.create', { caseId, kind: 'callback', wording: '两天内回电' }, { actor: cast.agent });
    const first = Date.parse(made.commitment.dueAt);
    const id = made.commitment.id;
    expect(
      await issue(
        t.call(
          'commitments.reschedule',
          { id, dueAt: new Date(first + (sla.rescheduleMaxHours + 1) * HOUR).toISOString(), reason: '太远' },
          { actor: cast.agent },
        ),
      ),
    ).toEqual({ code: 'forbidden', message: 'reschedule_too_far' });
    for (let i = 1; i <= sla.rescheduleLimit; i++)
      await t.call(
        'commitments.reschedule',
        { id, dueAt: new Date(first + i * HOUR).toISOString(), reason: `第${i}次改约` },
        { actor: cast.agent },
      );
    expect(
      await issue(
        t.call(
          'commitments.reschedule',
          { id, dueAt: new Date(first + 10 * HOUR).toISOString(), reason: '再改' },
          { actor: cast.supervisor },
        ),
      ),
    ).toEqual({ code: 'forbidden', message: 'reschedule_limit' });
  });
});

describe('times a caller supplies', () => {
  it("a call's start is bounded around the host's clock and stored in UTC", async () => {
    const ahead = new Date(now.getTime() + 2 * 365 * 24 * HOUR).toISOString();
    const longAgo = new Date(now.getTime() - 40 * 24 * HOUR).toISOString();
    for (const startedAt of [ahead, longAgo])
      expect(await issue(t.call('contacts.log', { customerId: STORY_CUSTOMER_ID, startedAt }, { actor: cast.agent }))).toEqual({
        code: 'invalid_input',
        message: 'time_out_of_range',
      });
    const anHourAgo = new Date(now.getTime() - HOUR);
    const beijing = new Date(anHourAgo.getTime() + 8 * HOUR).toISOString().replace('Z', '+08:00');
    const logged = await t.call('contacts.log', { customerId: STORY_CUSTOMER_ID, startedAt: beijing }, { actor: cast.agent });
    expect(logged.startedAt).toBe(anHourAgo.toISOString());
  });

  it("a commitment's deadline and an incident's window may not be years away", async () => {
    const years = new Date(now.getTime() + 3 * 365 * 24 * HOUR).toISOString();
    expect(
      await issue(
        t.call(
          'commitments.create',
          { caseId: STORY_VOUCHER_CASE_ID, kind: 'callback', wording: '三年后回电', dueAt: years },
          { actor: cast.agent },
        ),
      ),
    ).toEqual({ code: 'invalid_input', message: 'time_out_of_range' });
    expect(
      await issue(
        t.call(
          'incidents.create',
          { title: '远期故障', description: '测试', categories: ['network'], guidance: '无', startsAt: years },
          { actor: cast.supervisor },
        ),
      ),
    ).toEqual({ code: 'invalid_input', message: 'time_out_of_range' });
  });

  it('a mutation dated ahead of the host is refused where applied', async () => {
    const at = new Date(now.getTime() + 24 * HOUR).toISOString();
    const error = await expectAppError(
      applyMutation(t.core.deps, {
        id: newId(),
        clientId: 'another-desk',
        seq: 1,
        name: 'notes.add',
        args: { id: newId(), caseId: STORY_VOUCHER_CASE_ID, body: '来自未来', at },
        at,
        actor: cast.agent.id,
        policyVersion: null,
      }),
    );
    expect(error.issues?.[0]?.message).toBe('time_out_of_range');
  });
});

describe('a mutation id names one write', () => {
  it('a retry of the same request gets the first answer; other input, another actor or another procedure is a conflict', async () => {
    const mutationId = newId();
    const first = await t.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: '第一次' }, { actor: cast.agent, mutationId });
    const again = await t.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: '第一次' }, { actor: cast.agent, mutationId });
    expect(again.id).toBe(first.id);
    expect(await issue(t.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: '另一句' }, { actor: cast.agent, mutationId }))).toEqual({
      code: 'conflict',
      message: 'mutation_id_reused',
    });
    expect(
      await issue(t.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: '第一次' }, { actor: cast.otherAgent, mutationId })),
    ).toEqual({
      code: 'conflict',
      message: 'mutation_id_reused',
    });
    expect(await issue(t.call('facts.pin', { customerId: STORY_CUSTOMER_ID, text: '第一次' }, { actor: cast.agent, mutationId }))).toEqual({
      code: 'conflict',
      message: 'mutation_id_reused',
    });
  });
});
