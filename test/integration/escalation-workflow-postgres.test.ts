import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, auditOf, people } from '../fixtures/escalation-flow';
import { openTempPostgresCore, startPostgres, type TempPostgresCore, type TestPostgres } from '../fixtures/embedded-postgres';
import { expectAppError } from '../fixtures/temp-core';

// The workflow on the team server's database: the same table, checks and audit as on a desk.
let cluster: TestPostgres;
let t: TempPostgresCore;

beforeAll(async () => {
  cluster = await startPostgres();
  t = await openTempPostgresCore(cluster);
}, 120_000);
afterAll(async () => {
  await t?.dispose();
  await cluster?.stop();
});

describe('the escalation workflow over PostgreSQL', () => {
  it('raise, accept, send to level 3, accept there, deny with a reason, resolve: each step audited old → new', async () => {
    const customer = await t.call('customers.create', { name: '测试客户', phone: '+8613900088001' });
    const kase = await t.call('cases.create', { customerId: customer.id, title: '套餐变更后多扣费', category: 'billing' });
    const raised = await t.call('escalations.raise', { caseId: kase.id, reason: '客户要求班长处理' }, { actor: people.agent });
    const { sla } = await t.call('policy.evaluate', { caseId: kase.id });
    expect(Date.parse(raised.dueAt) - Date.parse(raised.createdAt)).toBe(sla.level2Hours * 3_600_000);

    expect((await expectAppError(act(t, 'accept', raised.id, people.agent))).code).toBe('forbidden');
    await act(t, 'accept', raised.id, people.supervisor);
    await act(t, 'escalate', raised.id, people.supervisor);
    expect((await expectAppError(act(t, 'accept', raised.id, people.supervisor2))).issues).toEqual([
      { path: 'id', message: 'not_your_level' },
    ]);
    await act(t, 'accept', raised.id, people.complaints);
    expect(
      (await expectAppError(t.call('escalations.decide', { id: raised.id, approve: false }, { actor: people.complaints }))).issues,
    ).toEqual([{ path: 'note', message: 'required' }]);
    await act(t, 'deny', raised.id, people.complaints);
    const done = await act(t, 'resolve', raised.id, people.complaints);
    expect(done).toMatchObject({
      status: 'resolved',
      level: 3,
      owner: { id: people.complaints.id },
      decidedBy: { id: people.complaints.id },
    });
    expect(done.regulatorDueAt).toBe((await t.call('cases.get', { id: kase.id })).regulatorDueAt);
    expect(done.regulatorDueAt).not.toBeNull();

    const audit = await auditOf(t.core.deps.db, raised.id);
    expect(audit.map((a) => a.data.status)).toEqual([
      { from: null, to: 'open' },
      { from: 'open', to: 'accepted' },
      { from: 'accepted', to: 'escalated' },
      { from: 'escalated', to: 'accepted' },
      { from: 'accepted', to: 'denied' },
      { from: 'denied', to: 'resolved' },
    ]);
    expect(await t.call('audit.verify', {}, { actor: people.admin })).toMatchObject({ ok: true, firstBad: null });
  });
});
