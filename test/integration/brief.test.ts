import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_AGENTS,
  STORY_CUSTOMER_ID,
  STORY_CONDUCT_CASE_NUMBER,
  STORY_REFUND_CASE_NUMBER,
  STORY_VOUCHER_CASE_ID,
  STORY_VOUCHER_CASE_NUMBER,
} from '../../main/core';
import { expectAppError, openTempCore, type TempCore } from '../fixtures/temp-core';
import { NO_SUCH_ID } from '../fixtures/demo-ids';

const VOUCHER_CASE = STORY_VOUCHER_CASE_ID;
let t: TempCore;
beforeAll(async () => {
  t = await openTempCore({ synthetic: 3 });
});
afterAll(() => t.dispose());

describe('customers.brief for the seed customer', () => {
  it('shows open cases with age and the repeat-contact flag', async () => {
    const brief = await t.call('customers.brief', { customerId: STORY_CUSTOMER_ID });
    expect(brief.customer.name).toBe('何志明');
    expect(brief.openCases.map((c) => c.number).sort()).toEqual([
      STORY_VOUCHER_CASE_NUMBER,
      STORY_CONDUCT_CASE_NUMBER,
      STORY_REFUND_CASE_NUMBER,
    ]);
    const voucher = brief.openCases.find((c) => c.id === VOUCHER_CASE)!;
    expect(voucher.contacts7d).toBeGreaterThanOrEqual(3);
    expect(voucher.repeat).toBe('strong');
    expect(voucher.ageHours).toBeGreaterThan(24);
    const refund = brief.openCases.find((c) => c.number === STORY_REFUND_CASE_NUMBER)!;
    expect(refund.contacts7d).toBe(1);
    expect(refund.repeat).toBe('none');
    expect(brief.contacts7d).toBeGreaterThanOrEqual(6);
  });

  it('shows the pinned facts, the last three contacts and the incident touching an open case', async () => {
    const brief = await t.call('customers.brief', { customerId: STORY_CUSTOMER_ID });
    const facts = brief.pinnedFacts.map((f) => f.body).join('\n');
    expect(facts).toContain('无库存');
    expect(facts).toContain('系统升级中');
    expect(brief.pinnedFacts.every((f) => f.author.employeeNo.length > 0)).toBe(true);
    expect(brief.lastContacts).toHaveLength(3);
    expect(brief.lastContacts[0]!.agent.employeeNo).toBe('10688');
    expect(brief.lastContacts.map((c) => c.agent.employeeNo)).toContain('23338');
    expect(brief.lastContacts.every((c) => [...c.gist].length <= 90)).toBe(true);
    expect(brief.incidents.map((i) => i.title)).toEqual(['积分商城兑换系统升级维护']);
    expect(brief.openCases.find((c) => c.id === VOUCHER_CASE)!.incidentIds).toEqual([brief.incidents[0]!.id]);
    expect(brief.openCases.find((c) => c.category === 'conduct_complaint')!.incidentIds).toEqual([]);
  });

  it('counts only the last 7 days, and a quiet customer has no flag', async () => {
    const later = await openTempCore({ synthetic: 0, now: () => new Date(Date.now() + 30 * 86_400_000) });
    try {
      const brief = await later.call('customers.brief', { customerId: STORY_CUSTOMER_ID });
      // seeded relative to its own clock, so the story is fresh there too
      expect(brief.openCases.find((c) => c.id === VOUCHER_CASE)!.repeat).toBe('strong');
    } finally {
      await later.dispose();
    }
    const fresh = await t.call('customers.create', { name: '安静的客户', phone: '13100000001' });
    const brief = await t.call('customers.brief', { customerId: fresh.id });
    expect(brief).toMatchObject({ openCases: [], pinnedFacts: [], lastContacts: [], incidents: [], contacts7d: 0 });
  });

  it('a missing customer is not_found', async () => {
    expect((await expectAppError(t.call('customers.brief', { customerId: NO_SUCH_ID }))).code).toBe('not_found');
  });
});

describe('pinned facts', () => {
  it('pins a written fact and an existing note, unpins, and audits every change', async () => {
    const fact = await t.call('facts.pin', { customerId: STORY_CUSTOMER_ID, caseId: VOUCHER_CASE, text: '3/18 到指定门店兑换：无库存' });
    expect(fact).toMatchObject({ body: '3/18 到指定门店兑换：无库存', author: { employeeNo: '20001' } });
    const history = await t.call('customers.history', { customerId: STORY_CUSTOMER_ID, limit: 50 });
    const note = history.items
      .flatMap((i) => (i.kind === 'contact' ? i.contact.notes : []))
      .find((n) => n.body.includes('23338') || n.author.employeeNo === '23338')!;
    const pinnedNote = await t.call('facts.pin', { customerId: STORY_CUSTOMER_ID, noteId: note.id });
    expect(pinnedNote.noteId).toBe(note.id);
    expect([...pinnedNote.body].length).toBeLessThanOrEqual(200);

    let brief = await t.call('customers.brief', { customerId: STORY_CUSTOMER_ID });
    expect(brief.pinnedFacts.map((f) => f.id)).toEqual(expect.arrayContaining([fact.id, pinnedNote.id]));
    await t.call('facts.unpin', { id: fact.id });
    await t.call('facts.unpin', { id: fact.id }); // twice is harmless
    brief = await t.call('customers.brief', { customerId: STORY_CUSTOMER_ID });
    expect(brief.pinnedFacts.map((f) => f.id)).not.toContain(fact.id);

    const audit = t.sqlite.raw
      .prepare("select action from audit_log where entity = 'fact' and entity_id = ? order by seq")
      .all(fact.id) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['facts.pin', 'facts.unpin']);
  });

  it.each([
    [{ text: '' }, 'required'],
    [{ text: '   ' }, 'required'],
    [{ text: '长'.repeat(201) }, 'too_long'],
    [{}, 'note_or_text'],
    [{ text: 'x', noteId: NO_SUCH_ID }, 'note_or_text'],
  ])('refuses %j with %s', async (extra, message) => {
    const error = await expectAppError(t.call('facts.pin', { customerId: STORY_CUSTOMER_ID, ...extra }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.map((i) => i.message)).toContain(message);
  });

  it('refuses a note or case of another customer', async () => {
    const other = await t.call('customers.create', { name: '别的客户', phone: '13100000002' });
    expect((await expectAppError(t.call('facts.pin', { customerId: other.id, caseId: VOUCHER_CASE, text: '不属于他' }))).code).toBe(
      'invalid_input',
    );
    expect((await expectAppError(t.call('facts.unpin', { id: NO_SUCH_ID }))).code).toBe('not_found');
  });
});

describe('known incidents', () => {
  const lead = DEMO_AGENTS.supervisor;
  const base = {
    title: '5G 基站故障',
    description: '城东片区信号中断',
    categories: ['network' as const],
    guidance: '告知客户抢修中，预计今晚恢复',
  };

  it('a supervisor records one; open cases in its categories show it while it is active', async () => {
    const customer = await t.call('customers.create', { name: '韩梅梅', phone: '13100000003' });
    const kase = await t.call('cases.create', { customerId: customer.id, title: '家里没信号', category: 'network' });
    const startsAt = new Date(Date.now() - 3_600_000).toISOString();
    const incident = await t.call('incidents.create', { ...base, startsAt }, { actor: lead });
    expect(incident.active).toBe(true);
    let view = await t.call('cases.get', { id: kase.id });
    expect(view.incidents.map((i) => i.id)).toContain(incident.id);
    expect((await t.call('customers.brief', { customerId: customer.id })).incidents.map((i) => i.guidance)).toContain(base.guidance);

    await t.call('incidents.update', { id: incident.id, endsAt: new Date(Date.now() - 60_000).toISOString() }, { actor: lead });
    view = await t.call('cases.get', { id: kase.id });
    expect(view.incidents).toEqual([]);
    expect((await t.call('incidents.list', { activeOnly: false })).find((i) => i.id === incident.id)?.active).toBe(false);
  });

  it('refuses an end before the start, empty categories, and agents', async () => {
    const startsAt = '2026-11-20T08:00:00.000Z';
    const backwards = await expectAppError(
      t.call('incidents.create', { ...base, startsAt, endsAt: '2026-11-19T08:00:00.000Z' }, { actor: lead }),
    );
    expect(backwards.issues).toContainEqual({ path: 'endsAt', message: 'ends_before_start' });
    const none = await expectAppError(t.call('incidents.create', { ...base, categories: [], startsAt }, { actor: lead }));
    expect(none.issues?.[0]?.path).toBe('categories');
    expect((await expectAppError(t.call('incidents.create', { ...base, startsAt }))).code).toBe('forbidden');
    const existing = (await t.call('incidents.list', {}))[0]!;
    const moved = await expectAppError(
      t.call('incidents.update', { id: existing.id, endsAt: '2000-01-01T00:00:00.000Z' }, { actor: lead }),
    );
    expect(moved.issues).toContainEqual({ path: 'endsAt', message: 'ends_before_start' });
    const both = await expectAppError(
      t.call('incidents.update', { id: existing.id, endNow: true, endsAt: '2030-01-01T00:00:00.000Z' }, { actor: lead }),
    );
    expect(both.issues).toContainEqual({ path: 'endsAt', message: 'end_now_or_time' });
  });

  it('"end now" ends it at the host’s clock, not the caller’s', async () => {
    const hostNow = new Date('2026-11-20T09:30:00.000Z');
    const host = await openTempCore({ synthetic: 0, now: () => hostNow });
    try {
      const incident = await host.call('incidents.create', { ...base, startsAt: '2026-11-20T08:00:00.000Z' }, { actor: lead });
      expect(incident.active).toBe(true);
      const ended = await host.call('incidents.update', { id: incident.id, endNow: true }, { actor: lead });
      expect(ended).toMatchObject({ endsAt: hostNow.toISOString(), active: false });
      // Changing something else keeps the end; only an explicit null reopens it.
      const retitled = await host.call('incidents.update', { id: incident.id, title: '5G 基站故障（已修复）' }, { actor: lead });
      expect(retitled).toMatchObject({ title: '5G 基站故障（已修复）', endsAt: hostNow.toISOString(), active: false });
      expect(await host.call('incidents.update', { id: incident.id, endsAt: null }, { actor: lead })).toMatchObject({
        endsAt: null,
        active: true,
      });
    } finally {
      await host.dispose();
    }
  });
});

describe('cases', () => {
  it('updates fields against a version, records who changed what, and refuses a stale version', async () => {
    const customer = await t.call('customers.create', { name: '李雷', phone: '13100000004' });
    const kase = await t.call('cases.create', { customerId: customer.id, title: '账单疑问', category: 'billing' });
    const updated = await t.call('cases.update', { id: kase.id, version: kase.version, status: 'pending_internal', priority: 'high' });
    expect(updated).toMatchObject({ status: 'pending_internal', priority: 'high', version: kase.version + 1 });
    const stale = await expectAppError(t.call('cases.update', { id: kase.id, version: kase.version, status: 'resolved' }));
    expect(stale.code).toBe('conflict');
    expect((await t.call('cases.get', { id: kase.id })).status).toBe('pending_internal');

    const view = await t.call('cases.get', { id: kase.id });
    expect(view.changes.map((c) => [c.field, c.from, c.to]).sort()).toEqual([
      ['priority', 'normal', 'high'],
      ['status', 'open', 'pending_internal'],
    ]);
    expect(view.changes[0]!.actor.employeeNo).toBe('20001');
    expect((await expectAppError(t.call('cases.update', { id: kase.id, version: 2 }))).issues?.[0]?.message).toBe('nothing_to_change');
    expect((await expectAppError(t.call('cases.update', { id: kase.id, version: 2, status: 'archived' as never }))).code).toBe(
      'invalid_input',
    );
  });

  it('links a contact to more cases of the same customer', async () => {
    const customer = await t.call('customers.create', { name: '王小明', phone: '13100000005' });
    const a = await t.call('cases.create', { customerId: customer.id, title: '积分', category: 'points_voucher' });
    const b = await t.call('cases.create', { customerId: customer.id, title: '套餐', category: 'plan_change' });
    const call = await t.call('contacts.log', { customerId: customer.id, caseIds: [a.id], note: '两件事一起问' });
    const linked = await t.call('contacts.link', { contactId: call.id, caseIds: [a.id, b.id] });
    expect(linked.cases.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect((await t.call('cases.get', { id: b.id })).contacts.map((c) => c.id)).toEqual([call.id]);
    expect((await expectAppError(t.call('contacts.link', { contactId: call.id, caseIds: [VOUCHER_CASE] }))).code).toBe('invalid_input');
  });
});
