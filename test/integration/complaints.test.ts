import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORY_CUSTOMER_ID } from '../../main/core';
import { newId } from '../../shared';
import { CONDUCT_CASE, customerWithCall, DESK, QIAN_WEI, SUPERVISOR, VOUCHER_CASE } from '../fixtures/supervision';
import { expectAppError, openTempCore, type TempCore } from '../fixtures/temp-core';

let t: TempCore;
beforeAll(async () => {
  t = await openTempCore();
});
afterAll(() => t.dispose());

const contains = (value: unknown, id: string) => JSON.stringify(value).includes(id);

describe('filing a conduct complaint', () => {
  it('links the case to the contact it is about, opens it at level 2 and queues a level-2 escalation for the supervisors', async () => {
    const { customer, contact } = await customerWithCall(t, QIAN_WEI, '13900022001');
    const kase = await t.call(
      'cases.create',
      { customerId: customer.id, title: '投诉坐席态度', category: 'conduct_complaint', priority: 'high', aboutContactId: contact.id },
      { actor: DESK },
    );
    expect(kase).toMatchObject({ category: 'conduct_complaint', level: 2, status: 'open' });
    const link = t.sqlite.raw.prepare('select contact_id, agent_id from case_complaints where case_id = ?').get(kase.id);
    expect(link).toEqual({ contact_id: contact.id, agent_id: QIAN_WEI.id });
    const queue = await t.call('escalations.list', { status: 'open' }, { actor: SUPERVISOR });
    const escalation = queue.find((e) => e.caseId === kase.id);
    expect(escalation).toMatchObject({ level: 2, reason: 'conduct_complaint', status: 'open', raisedBy: { id: DESK.id } });
    expect(escalation!.detail).toContain(QIAN_WEI.employeeNo);
    expect((await t.call('audit.verify', {}, { actor: SUPERVISOR })).ok).toBe(true);
  });

  it.each([
    [
      'a conduct complaint without the contact',
      (c: string) => ({ category: 'conduct_complaint' as const, customerId: c }),
      'invalid_input',
      'required',
    ],
    [
      'a contact on another category',
      (c: string, contact: string) => ({ category: 'billing' as const, customerId: c, aboutContactId: contact }),
      'invalid_input',
      'only_for_conduct_complaint',
    ],
    [
      'an unknown contact',
      (c: string) => ({ category: 'conduct_complaint' as const, customerId: c, aboutContactId: newId() }),
      'not_found',
      'not_found',
    ],
    [
      'a contact with another customer',
      (_c: string, contact: string) => ({ category: 'conduct_complaint' as const, customerId: STORY_CUSTOMER_ID, aboutContactId: contact }),
      'invalid_input',
      'other_customer',
    ],
  ])('refuses %s and writes nothing', async (_what, input, code, reason) => {
    const { customer, contact } = await customerWithCall(t, QIAN_WEI, `1390002${String(Math.floor(Math.random() * 9000) + 1000)}`);
    const before = (await t.call('customers.get', { id: customer.id })).cases.length;
    const error = await expectAppError(t.call('cases.create', { title: '投诉', ...input(customer.id, contact.id) }, { actor: DESK }));
    expect(error.code).toBe(code);
    expect(error.issues).toContainEqual({ path: 'aboutContactId', message: reason });
    expect((await t.call('customers.get', { id: customer.id })).cases.length).toBe(before);
  });

  it('a case neither becomes nor stops being a conduct complaint by an edit', async () => {
    const into = await t.call('cases.get', { id: VOUCHER_CASE });
    expect(
      (await expectAppError(t.call('cases.update', { id: VOUCHER_CASE, version: into.version, category: 'conduct_complaint' }))).issues,
    ).toEqual([{ path: 'category', message: 'conduct_complaint_fixed' }]);
    const from = await t.call('cases.get', { id: CONDUCT_CASE }, { actor: SUPERVISOR });
    expect(
      (await expectAppError(t.call('cases.update', { id: CONDUCT_CASE, version: from.version, category: 'other' }, { actor: SUPERVISOR })))
        .code,
    ).toBe('invalid_input');
  });
});

/**
 * The seed story's complaint (C-2611-0533) is about agent 23338's call. What he cannot see, precisely:
 * the case itself, its notes, messages, decisions, commitments, escalations and surveys, by id; and any
 * entry about it in lists (the customer's cases, brief, screen pop and history, the escalation queue,
 * search). He cannot write to it either. Everyone else sees it as before.
 */
describe('the agent complained about', () => {
  it.each([
    ['cases.get', { id: CONDUCT_CASE }],
    ['cases.update', { id: CONDUCT_CASE, version: 1, title: '改标题' }],
    ['notes.add', { caseId: CONDUCT_CASE, body: '我没有这样说过' }],
    ['messages.list', { caseId: CONDUCT_CASE }],
    ['decisions.list', { caseId: CONDUCT_CASE }],
    ['commitments.list', { caseId: CONDUCT_CASE }],
    ['escalations.list', { caseId: CONDUCT_CASE }],
    ['surveys.list', { caseId: CONDUCT_CASE }],
    ['policy.evaluate', { caseId: CONDUCT_CASE }],
    ['drafts.get', { caseId: CONDUCT_CASE }],
  ])('is refused %s on the complaint', async (procedure, input) => {
    const error = await expectAppError(t.call(procedure as 'cases.get', input as never, { actor: QIAN_WEI }));
    expect(error).toMatchObject({ code: 'forbidden', issues: [{ path: 'caseId', message: 'complaint_about_you' }] });
  });

  it('cannot decide its escalation, even knowing its id (a supervisor complained about included)', async () => {
    const [escalation] = await t.call('escalations.list', { caseId: CONDUCT_CASE }, { actor: SUPERVISOR });
    const accused = { ...SUPERVISOR, id: QIAN_WEI.id, role: 'supervisor' as const };
    const error = await expectAppError(t.call('escalations.decide', { id: escalation!.id, approve: false }, { actor: accused }));
    expect(error).toMatchObject({ code: 'forbidden', issues: [{ path: 'caseId', message: 'complaint_about_you' }] });
    expect((await t.call('escalations.list', { caseId: CONDUCT_CASE }, { actor: SUPERVISOR }))[0]!.status).toBe('open');
  });

  it('cannot link a call to it', async () => {
    const contact = await t.call('contacts.log', { customerId: STORY_CUSTOMER_ID, note: '客户来电' }, { actor: QIAN_WEI });
    const error = await expectAppError(
      t.call('contacts.link', { contactId: contact.id, caseIds: [VOUCHER_CASE, CONDUCT_CASE] }, { actor: QIAN_WEI }),
    );
    expect(error.code).toBe('forbidden');
  });

  it('does not find it in the queue, the customer’s record, brief, screen pop, history or search; another agent does', async () => {
    const reads = async (actor: typeof DESK) => ({
      queue: await t.call('escalations.list', { status: 'open' }, { actor }),
      record: await t.call('customers.get', { id: STORY_CUSTOMER_ID }, { actor }),
      brief: await t.call('customers.brief', { customerId: STORY_CUSTOMER_ID }, { actor }),
      pop: await t.call('customers.pop', { customerId: STORY_CUSTOMER_ID }, { actor }),
      history: await t.call('customers.history', { customerId: STORY_CUSTOMER_ID, limit: 100 }, { actor }),
      search: await t.call('search.global', { q: '坐席服务态度' }, { actor }),
      searchNotes: await t.call('search.global', { q: '23338' }, { actor }),
    });
    const his = await reads(QIAN_WEI);
    const desk = await reads(DESK);
    for (const [what, value] of Object.entries(his)) expect(contains(value, CONDUCT_CASE), `${what} (23338)`).toBe(false);
    for (const what of ['queue', 'record', 'brief', 'pop', 'history', 'search'] as const)
      expect(contains(desk[what], CONDUCT_CASE), `${what} (another agent)`).toBe(true);
    // What stays: the customer, the other cases and his own call.
    expect(his.record.cases.map((c) => c.id)).toContain(VOUCHER_CASE);
    expect(his.history.items.some((i) => i.kind === 'contact' && i.contact.agent.id === QIAN_WEI.id)).toBe(true);
  });

  it('a supervisor reads and works the complaint', async () => {
    const view = await t.call('cases.get', { id: CONDUCT_CASE }, { actor: SUPERVISOR });
    expect(view.escalations.map((e) => e.reason)).toContain('conduct_complaint');
    await t.call('notes.add', { caseId: CONDUCT_CASE, body: '已调取录音，安排回访客户。' }, { actor: SUPERVISOR });
  });
});
