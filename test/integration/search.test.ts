import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_AGENTS,
  STORY_CUSTOMER_ID,
  STORY_CONDUCT_CASE_NUMBER,
  STORY_PHONE_TYPED,
  STORY_REFUND_CASE_ID,
  STORY_REFUND_CASE_NUMBER,
  STORY_VOUCHER_CASE_ID,
  STORY_VOUCHER_CASE_NUMBER,
} from '../../main/core';
import { expectAppError, openTempCore, type TempCore } from '../fixtures/temp-core';
import { NO_SUCH_ID } from '../fixtures/demo-ids';

let t: TempCore;
beforeAll(async () => {
  t = await openTempCore({ synthetic: 30 });
  const english = await t.call('customers.create', { name: 'Alex Morgan', phone: '13100000011' });
  const kase = await t.call('cases.create', { customerId: english.id, title: 'Roaming bill', category: 'billing' });
  await t.call('notes.add', { caseId: kase.id, body: 'Customer disputes the roaming charge from Hong Kong; refund requested.' });
});
afterAll(() => t.dispose());

const search = (q: string) => t.call('search.global', { q });
const marked = (hit: { text: string; highlights: [number, number][] }) => hit.highlights.map(([s, e]) => hit.text.slice(s, e));

describe('search.global', () => {
  it('finds a note by a 2-character Chinese word, highlighted', async () => {
    const results = await search('缺货');
    expect(results.notes.length).toBeGreaterThan(0);
    for (const n of results.notes) expect(marked(n.snippet)).toContain('缺货');
  });

  it('finds the seed note by a 4-character phrase', async () => {
    const results = await search('系统升级');
    const story = results.notes.filter((n) => n.customerId === STORY_CUSTOMER_ID);
    expect(story.length).toBeGreaterThanOrEqual(2);
    expect(marked(story[0]!.snippet)).toEqual(['系统升级']);
    expect(story[0]!.customerName).toBe('何志明');
  });

  it('finds by a single character and by several terms together', async () => {
    expect((await search('屈')).notes.some((n) => n.snippet.text.includes('屈臣氏'))).toBe(true);
    const both = await search('门店 无库存');
    expect(both.notes.length).toBeGreaterThan(0);
    for (const n of both.notes) expect(n.snippet.text).toContain('无库存');
  });

  it('finds English text, case-insensitively', async () => {
    const results = await search('ROAMING charge');
    expect(results.notes.map((n) => n.customerName)).toContain('Alex Morgan');
    expect((await search('hk')).notes).toEqual([]);
    expect((await search('Alex')).customers.map((c) => c.customer.name)).toEqual(['Alex Morgan']);
  });

  it('finds customers by name and by phone, and cases by number', async () => {
    expect((await search('何志明')).customers.map((c) => c.customer.id)).toEqual([STORY_CUSTOMER_ID]);
    expect((await search(STORY_PHONE_TYPED)).customers.map((c) => c.customer.id)).toEqual([STORY_CUSTOMER_ID]);
    expect((await search('0013800')).customers.map((c) => c.customer.id)).toContain(STORY_CUSTOMER_ID);
    const byNumber = await search(STORY_VOUCHER_CASE_NUMBER);
    expect(byNumber.cases.map((c) => c.case.number)).toEqual([STORY_VOUCHER_CASE_NUMBER]);
    expect(marked(byNumber.cases[0]!.number)).toEqual([STORY_VOUCHER_CASE_NUMBER]);
    expect((await search('2611 05')).cases.map((c) => c.case.number).sort()).toEqual([STORY_CONDUCT_CASE_NUMBER, STORY_REFUND_CASE_NUMBER]);
    expect((await search('积分兑换券')).cases.map((c) => c.case.number)).toContain(STORY_VOUCHER_CASE_NUMBER);
  });

  it('finds customers by part of a name and cases by a renamed title only', async () => {
    expect((await search('志明')).customers.map((c) => c.customer.id)).toContain(STORY_CUSTOMER_ID);
    const customer = await t.call('customers.create', { name: '欧阳娜娜', phone: '13100000012' });
    const kase = await t.call('cases.create', { customerId: customer.id, title: '光纤入户施工延误', category: 'network' });
    expect((await search('施工延误')).cases.map((c) => c.case.id)).toEqual([kase.id]);
    await t.call('cases.update', { id: kase.id, version: kase.version, title: '宽带迁移预约' });
    expect((await search('施工延误')).cases).toEqual([]);
    expect((await search('迁移预约')).cases.map((c) => c.case.id)).toEqual([kase.id]);
    expect((await search('阳娜')).customers.map((c) => c.customer.name)).toEqual(['欧阳娜娜']);
  });

  it.each([
    '"',
    '""',
    '*',
    'NEAR',
    'OR',
    'AND NOT',
    '"积分',
    '积分"',
    'NEAR(积分 兑换)',
    "'; drop table notes; --",
    '%',
    '_',
    '\\',
    '   ',
    '',
    '(',
    '^积分',
    '积分*',
    'col:积分',
  ])('survives FTS and SQL syntax: %j', async (q) => {
    const results = await search(q);
    expect(Array.isArray(results.notes)).toBe(true);
    expect(Array.isArray(results.customers)).toBe(true);
  });

  it('treats operators as words, not syntax', async () => {
    expect((await search('NEAR')).notes).toEqual([]);
    const quoted = await search('"系统升级');
    for (const n of quoted.notes) expect(n.snippet.text).toContain('系统升级');
  });

  it('refuses an over-long query with a typed error', async () => {
    const error = await expectAppError(search('积'.repeat(201)));
    expect(error.issues?.[0]).toMatchObject({ path: 'q', message: 'too_long' });
  });

  it('indexes a note in the same transaction that saves it', async () => {
    await t.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: '独一无二的检索词：蓝鲸号' });
    expect((await search('蓝鲸号')).notes.map((n) => n.snippet.text)).toEqual(['独一无二的检索词：蓝鲸号']);
    expect((await search('蓝鲸')).notes).toHaveLength(1);
  });
});

describe('drafts', () => {
  const caseId = STORY_VOUCHER_CASE_ID;
  it('keeps a draft per case and agent, and clears it when the note is saved', async () => {
    expect(await t.call('drafts.get', { caseId })).toBeNull();
    await t.call('drafts.save', { caseId, body: '客户说周五前' });
    expect((await t.call('drafts.get', { caseId }))?.body).toBe('客户说周五前');
    await t.call('notes.add', { caseId, body: '客户说周五前可以到店' });
    expect(await t.call('drafts.get', { caseId })).toBeNull();
  });

  it('tells in one call which of a customer’s cases hold this agent’s drafts, newest first, and no one else’s', async () => {
    const other = STORY_REFUND_CASE_ID;
    expect(await t.call('drafts.forCustomer', { customerId: STORY_CUSTOMER_ID })).toEqual([]);
    const first = await t.call('drafts.save', { caseId, body: '第一份草稿' });
    const second = await t.call('drafts.save', { caseId: other, body: '第二份草稿' });
    await t.call('drafts.save', { caseId, body: '另一位坐席的草稿' }, { actor: DEMO_AGENTS.supervisor });
    const mine = await t.call('drafts.forCustomer', { customerId: STORY_CUSTOMER_ID });
    expect(mine.map((d) => d.caseId).sort()).toEqual([caseId, other].sort());
    expect(mine.map((d) => d.updatedAt)).toEqual([second.updatedAt, first.updatedAt].sort().reverse());
    expect(await t.call('drafts.forCustomer', { customerId: STORY_CUSTOMER_ID }, { actor: DEMO_AGENTS.supervisor })).toEqual([
      { caseId, updatedAt: expect.any(String) },
    ]);
    // An emptied draft is no draft.
    await t.call('drafts.save', { caseId: other, body: '' });
    expect((await t.call('drafts.forCustomer', { customerId: STORY_CUSTOMER_ID })).map((d) => d.caseId)).toEqual([caseId]);
    expect((await expectAppError(t.call('drafts.forCustomer', { customerId: 'not-an-id' }))).code).toBe('invalid_input');
  });

  it('keeps a draft longer than a note may be, and says so', async () => {
    const long = '长'.repeat(20_001);
    const saved = await t.call('drafts.save', { caseId, body: long });
    expect(saved.tooLongForNote).toBe(true);
    expect((await expectAppError(t.call('notes.add', { caseId, body: long }))).issues?.[0]?.message).toBe('too_long');
    expect((await t.call('drafts.get', { caseId }))?.body).toBe(long);
  });

  it('is cleared when the call is logged with its note', async () => {
    await t.call('drafts.save', { caseId, body: '通话中记下的' });
    await t.call('contacts.log', { customerId: STORY_CUSTOMER_ID, caseIds: [caseId], note: '通话中记下的内容' });
    expect(await t.call('drafts.get', { caseId })).toBeNull();
  });

  it('writes no mutation, audit or outbox row', async () => {
    const count = () =>
      (t.sqlite.raw.prepare('select (select count(*) from audit_log) + (select count(*) from outbox) n').get() as { n: number }).n;
    const before = count();
    await t.call('drafts.save', { caseId, body: '草稿' });
    expect(count()).toBe(before);
    expect((await expectAppError(t.call('drafts.save', { caseId: NO_SUCH_ID, body: 'x' }))).code).toBe('not_found');
  });
});
