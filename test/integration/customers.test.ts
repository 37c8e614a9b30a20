import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HistoryItem } from '../../shared';
import { STORY_CUSTOMER_ID, STORY_PHONE, STORY_PHONE_DIGITS, STORY_VOUCHER_CASE_ID, STORY_VOUCHER_CASE_NUMBER } from '../../main/core';
import { expectAppError, openTempCore, type TempCore } from '../fixtures/temp-core';
import { NO_SUCH_ID } from '../fixtures/demo-ids';

let t: TempCore;
beforeAll(async () => {
  t = await openTempCore({ synthetic: 20 });
});
afterAll(() => t.dispose());

async function wholeHistory(customerId: string, limit: number): Promise<HistoryItem[]> {
  const items: HistoryItem[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: HistoryItem[]; nextCursor: string | null } = await t.call('customers.history', { customerId, limit, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('customers.lookup', () => {
  it.each([
    '13800138000',
    '138 0013 8000',
    '+86 138-0013-8000',
    '0086 13800138000',
    '１３８００１３８０００',
    '＋８６　１３８－００１３－８０００',
  ])('finds the seed customer from %j', async (phone) => {
    const found = await t.call('customers.lookup', { phone });
    expect(found.phone).toBe(STORY_PHONE);
    expect(found.customer).toMatchObject({ id: STORY_CUSTOMER_ID, name: '何志明', tier: 'silver' });
  });

  it('says plainly when a valid number has no customer', async () => {
    expect(await t.call('customers.lookup', { phone: '199 0000 0001' })).toEqual({ phone: '+8619900000001', customer: null });
  });

  it.each(['abc', '12345', '', "'; drop table customers; --", '1'.repeat(65)])(
    'refuses %j with a typed validation error',
    async (phone) => {
      const error = await expectAppError(t.call('customers.lookup', { phone }));
      expect(error.code).toBe('invalid_input');
      expect(error.issues?.[0]).toMatchObject({ path: 'phone', message: 'phone_invalid' });
    },
  );

  it('refuses input of the wrong shape', async () => {
    for (const input of [null, 'x', { phone: 1 }, { phone: STORY_PHONE_DIGITS, extra: true }]) {
      expect((await expectAppError(t.call('customers.lookup', input as never))).code).toBe('invalid_input');
    }
  });
});

describe('customers.history (the seed story)', () => {
  it('tells the whole story, newest first, across every call and agent', async () => {
    const items = await wholeHistory(STORY_CUSTOMER_ID, 4);
    const times = items.map((i) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
    const calls = items.filter((i) => i.kind === 'contact');
    expect(calls.length).toBeGreaterThanOrEqual(6);
    const agents = new Set(calls.map((c) => (c.kind === 'contact' ? c.contact.agent.employeeNo : '')));
    expect(agents.has('23338')).toBe(true);
    expect(agents.size).toBeGreaterThanOrEqual(4);
    const beijingDays = new Set(calls.map((c) => new Date(new Date(c.at).getTime() + 8 * 3_600_000).toISOString().slice(0, 10)));
    expect(beijingDays.size).toBeGreaterThanOrEqual(6);
    expect(new Date(times[0]!).getTime()).toBeLessThan(Date.now());
    const text = JSON.stringify(items);
    for (const fact of ['48小时', '系统升级中', '无库存', '延期7天', '5月31日', '不能转换为话费']) expect(text).toContain(fact);
    expect(items.filter((i) => i.kind === 'case_opened')).toHaveLength(3);
  });

  it('pages without gaps or repeats, whatever the page size', async () => {
    const all = await wholeHistory(STORY_CUSTOMER_ID, 100);
    for (const size of [1, 3, 7]) {
      const paged = await wholeHistory(STORY_CUSTOMER_ID, size);
      expect(paged.map((i) => `${i.kind}:${i.at}`)).toEqual(all.map((i) => `${i.kind}:${i.at}`));
    }
  });

  it('refuses a forged cursor and an unknown customer id gives an empty story', async () => {
    expect((await expectAppError(t.call('customers.history', { customerId: STORY_CUSTOMER_ID, cursor: 'not-a-cursor' }))).code).toBe(
      'invalid_input',
    );
    expect(await t.call('customers.history', { customerId: NO_SUCH_ID })).toEqual({
      items: [],
      nextCursor: null,
    });
  });
});

describe('writing the story', () => {
  it('creates a customer, a case, a call with its note, and a note the next agent sees', async () => {
    const customer = await t.call('customers.create', { name: '林晓东', phone: '+86 186 0000 1234', tier: 'gold' });
    expect(customer.phones).toEqual([{ e164: '+8618600001234', label: null }]);
    const created = await t.call('cases.create', { customerId: customer.id, title: '积分兑换券过期', category: 'points_voucher' });
    expect(created.number).toMatch(/^C-\d{4}-\d{4}$/);
    expect(created).toMatchObject({ status: 'open', priority: 'normal', level: 1 });

    const call = await t.call('contacts.log', { customerId: customer.id, caseIds: [created.id], note: '客户来电询问兑换券延期。' });
    expect(call.agent.employeeNo).toBe(t.actor.employeeNo);
    expect(call.cases.map((c) => c.number)).toEqual([created.number]);

    const note = await t.call('notes.add', { caseId: created.id, body: '已向门店核实：本周三补货。<b>不是标签</b>' });
    expect(note.body).toBe('已向门店核实：本周三补货。<b>不是标签</b>');

    const history = await t.call('customers.history', { customerId: customer.id });
    expect(history.items.map((i) => i.kind).sort()).toEqual(['case_opened', 'contact', 'note']);
    const detail = await t.call('cases.get', { id: created.id });
    expect(detail.notes.map((n) => n.body)).toContain(note.body);
    expect(detail.contacts.map((c) => c.id)).toEqual([call.id]);
    expect((await t.call('customers.get', { id: customer.id })).cases.map((c) => c.id)).toEqual([created.id]);
  });

  it('refuses bad writes with typed errors and writes nothing', async () => {
    const before = t.sqlite.raw.prepare('select count(*) n from notes').get() as { n: number };
    const empty = await expectAppError(t.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: '   ' }));
    expect(empty.issues?.[0]).toMatchObject({ path: 'body', message: 'required' });
    const long = await expectAppError(t.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: '长'.repeat(20_001) }));
    expect(long.issues?.[0]).toMatchObject({ path: 'body', message: 'too_long' });
    expect((await expectAppError(t.call('notes.add', { caseId: NO_SUCH_ID, body: '找不到的工单' }))).code).toBe('not_found');
    expect(
      (await expectAppError(t.call('cases.create', { customerId: STORY_CUSTOMER_ID, title: '随便', category: 'anything' as never }))).code,
    ).toBe('invalid_input');
    const otherCustomer = await t.call('customers.create', { name: '路人甲', phone: '13300000009' });
    expect((await expectAppError(t.call('contacts.log', { customerId: otherCustomer.id, caseIds: [STORY_VOUCHER_CASE_ID] }))).code).toBe(
      'invalid_input',
    );
    expect((t.sqlite.raw.prepare('select count(*) n from notes').get() as { n: number }).n).toBe(before.n);
  });

  it('answers unknown procedures and unknown ids with typed errors', async () => {
    const envelope = await t.core.call({ procedure: 'customers.drop', input: {} }, { actor: t.actor });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'unknown_procedure' } });
    expect((await expectAppError(t.call('customers.get', { id: NO_SUCH_ID }))).code).toBe('not_found');
    expect((await expectAppError(t.call('cases.get', { id: STORY_VOUCHER_CASE_NUMBER as never }))).code).toBe('invalid_input');
  });

  it('a malformed mutationId is refused', async () => {
    const envelope = await t.core.call(
      { procedure: 'customers.create', input: { name: 'x', phone: '13300000010' }, mutationId: 'nope' },
      { actor: t.actor },
    );
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('customers.history when everything happens in the same instant', () => {
  it('orders calls, notes and opened cases by id within one time, pages them without gaps or repeats, and gives each call its cases and notes', async () => {
    const instant = new Date('2026-11-20T02:00:00.000Z');
    const still = await openTempCore({ synthetic: 0, now: () => instant });
    try {
      const customer = await still.call('customers.create', { name: '周一鸣', phone: '+86 186 0000 7777', tier: 'standard' });
      const billing = await still.call('cases.create', { customerId: customer.id, title: '账单多扣费', category: 'billing' });
      const voucher = await still.call('cases.create', { customerId: customer.id, title: '兑换券无法使用', category: 'points_voucher' });
      const call = await still.call('contacts.log', {
        customerId: customer.id,
        caseIds: [voucher.id, billing.id],
        note: '同一通电话说了两件事。',
      });
      const loose = await still.call('notes.add', { caseId: billing.id, body: '已提交退费申请。' });

      const one = async (cursor: string | null) => still.call('customers.history', { customerId: customer.id, limit: 1, cursor });
      const seen: HistoryItem[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: HistoryItem[]; nextCursor: string | null } = await one(cursor);
        expect(page.items.length).toBeLessThanOrEqual(1);
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);

      const whole = (await still.call('customers.history', { customerId: customer.id, limit: 50 })).items;
      const idOf = (i: HistoryItem) => (i.kind === 'contact' ? i.contact.id : i.kind === 'note' ? i.note.id : i.case.id);
      expect(seen.map(idOf)).toEqual(whole.map(idOf));
      expect(whole.every((i) => i.at === instant.toISOString())).toBe(true);
      const ids = whole.map(idOf);
      expect(ids).toEqual([...ids].sort().reverse());
      expect(new Set(ids)).toEqual(new Set([billing.id, voucher.id, call.id, loose.id]));

      const entry = whole.find((i) => i.kind === 'contact');
      expect(entry?.kind === 'contact' && entry.contact.cases.map((c) => c.number).sort()).toEqual([billing.number, voucher.number].sort());
      expect(entry?.kind === 'contact' && entry.contact.notes.map((n) => n.body)).toEqual(['同一通电话说了两件事。']);
      const looseEntry = whole.find((i) => i.kind === 'note');
      expect(looseEntry?.kind === 'note' && looseEntry.case?.number).toBe(billing.number);
    } finally {
      await still.dispose();
    }
  });
});

describe('lists written in one instant', () => {
  it('keep a stable order, newest id first, on the brief and the case', async () => {
    const instant = new Date('2026-11-20T02:00:00.000Z');
    const still = await openTempCore({ synthetic: 0, now: () => instant });
    try {
      const customer = await still.call('customers.create', { name: '钱多多', phone: '+86 186 0000 8888' });
      const kase = await still.call('cases.create', { customerId: customer.id, title: '话费争议', category: 'billing' });
      const facts = [];
      for (const text of ['第一条事实', '第二条事实', '第三条事实'])
        facts.push(await still.call('facts.pin', { customerId: customer.id, caseId: kase.id, text }));
      const notes = [];
      for (const body of ['第一条备注', '第二条备注', '第三条备注']) notes.push(await still.call('notes.add', { caseId: kase.id, body }));

      const newestIdFirst = (ids: string[]) => [...ids].sort().reverse();
      const brief = await still.call('customers.brief', { customerId: customer.id });
      expect(brief.pinnedFacts.map((f) => f.id)).toEqual(newestIdFirst(facts.map((f) => f.id)));
      const view = await still.call('cases.get', { id: kase.id });
      expect(view.notes.map((n) => n.id)).toEqual(newestIdFirst(notes.map((n) => n.id)));
    } finally {
      await still.dispose();
    }
  });
});
