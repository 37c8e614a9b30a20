import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_AGENT, tickCommitments } from '../../main/core';
import { resolutionTargets } from '../../main/core/dashboard/queries';
import { commit } from '../../main/core/procedure-kit';
import { type Agent, type DashboardRange, newId, type ProcedureName } from '../../shared';
import { DESK, resolveCase, SUPERVISOR } from '../fixtures/supervision';
import { expectAppError, openTempCore, type TempCore } from '../fixtures/temp-core';

const HOUR = 3_600_000;
const T0 = Date.parse('2027-03-01T02:00:00Z'); // 10:00 on 1 March in Beijing
let now = T0;
let t: TempCore;
const A: Agent = { id: newId(), employeeNo: '48001', name: '测试坐席', role: 'agent' };
const cases: Record<'k1' | 'k2' | 'k3', string> = { k1: '', k2: '', k3: '' };
const range: DashboardRange = { from: '2027-03-01T00:00:00+08:00', to: '2027-04-01T00:00:00+08:00', agentIds: [A.id] };
const as = { actor: A };
const lead = { actor: SUPERVISOR };

beforeAll(async () => {
  t = await openTempCore({ now: () => new Date(now) });
  await commit(t.core.deps, { actor: SYSTEM_AGENT }, 'agents.upsert', A);
  const customer = await t.call('customers.create', { name: '看板客户', phone: '13900044001' }, as);
  for (const [key, category] of [
    ['k1', 'billing'],
    ['k2', 'billing'],
    ['k3', 'network'],
  ] as const)
    cases[key] = (await t.call('cases.create', { customerId: customer.id, title: `看板${key}`, category }, as)).id;
  // Two inbound calls the same day (the second is a repeat) and an outbound one (never counted).
  await t.call('contacts.log', { customerId: customer.id, caseIds: [cases.k3] }, as);
  now += 60_000;
  await t.call('contacts.log', { customerId: customer.id, caseIds: [cases.k1] }, as);
  await t.call('contacts.log', { customerId: customer.id, caseIds: [cases.k2], direction: 'outbound' }, as);
  const kept = await t.call('commitments.create', { caseId: cases.k1, kind: 'information', wording: '发送账单明细' }, as);
  await t.call('commitments.resolve', { id: kept.commitment.id, status: 'kept', reason: '已发送' }, as);
  await t.call(
    'commitments.create',
    { caseId: cases.k2, kind: 'callback', wording: '一小时内回电', dueAt: new Date(now + HOUR).toISOString() },
    as,
  );

  now = T0 + HOUR;
  await resolveCase(t, cases.k1, A); // 1 h: within billing's 168 h
  await t.call('surveys.answer', { caseId: cases.k1, score: 5 }, as);

  now = T0 + 100 * HOUR; // 14:00 on 5 March in Beijing
  await tickCommitments(t.core.deps); // k2's callback is broken
  await resolveCase(t, cases.k3, A); // 100 h: past network's 72 h

  // k2 is at level 2 since its promise broke, so the sla table gives it a complaint's 360 h.
  now = T0 + 400 * HOUR; // 02:00 on 18 March in Beijing
  await resolveCase(t, cases.k2, A); // 400 h: past 360 h
});
afterAll(() => t.dispose());

describe('the dashboard', () => {
  it('promises kept: per Beijing day, kept of settled (kept or broken)', async () => {
    expect((await t.call('dashboard.promisesKept', range, lead)).rows).toEqual([
      { key: '2027-03-01', day: '2027-03-01', kept: 1, settled: 1, pct: 100 },
      { key: '2027-03-05', day: '2027-03-05', kept: 0, settled: 1, pct: 0 },
    ]);
    const bar = await t.call('dashboard.cases', { chart: 'promisesKept', key: '2027-03-05', range }, lead);
    expect(bar).toMatchObject({ cases: [{ id: cases.k2 }], more: false });
  });

  it('broken promises by agent, with the cases behind the bar', async () => {
    expect((await t.call('dashboard.brokenByAgent', range, lead)).rows).toEqual([
      { key: A.id, agent: { id: A.id, name: A.name, employeeNo: A.employeeNo }, broken: 1 },
    ]);
    expect((await t.call('dashboard.cases', { chart: 'brokenByAgent', key: A.id, range }, lead)).cases.map((c) => c.id)).toEqual([
      cases.k2,
    ]);
  });

  it('SLA compliance by category against the sla table’s resolution hours; the bar opens the cases that missed', async () => {
    const targets = await resolutionTargets(t.core.deps.policy);
    const target = (category: string) =>
      targets.find((x) => x.category === category && x.priority === 'normal' && x.tier === 'standard' && x.complaint === 0)!.hours;
    expect([target('billing'), target('network')]).toEqual([168, 72]);
    expect((await t.call('dashboard.slaByCategory', range, lead)).rows).toEqual([
      { key: 'billing', category: 'billing', resolved: 2, withinSla: 1, pct: 50 },
      { key: 'network', category: 'network', resolved: 1, withinSla: 0, pct: 0 },
    ]);
    expect((await t.call('dashboard.cases', { chart: 'slaByCategory', key: 'billing', range }, lead)).cases.map((c) => c.id)).toEqual([
      cases.k2,
    ]);
    expect((await t.call('dashboard.cases', { chart: 'slaByCategory', key: 'network', range }, lead)).cases.map((c) => c.id)).toEqual([
      cases.k3,
    ]);
  });

  it('repeat contacts: inbound calls from a customer who called in the 7 days before', async () => {
    expect((await t.call('dashboard.repeatContacts', range, lead)).rows).toEqual([
      { key: '2027-03-01', day: '2027-03-01', inbound: 2, repeats: 1, pct: 50 },
    ]);
    expect((await t.call('dashboard.cases', { chart: 'repeatContacts', key: '2027-03-01', range }, lead)).cases.map((c) => c.id)).toEqual([
      cases.k1,
    ]);
  });

  it('CSAT per day, and a low answer reopens the case into the open escalations (by level and age)', async () => {
    await t.call('surveys.answer', { caseId: cases.k2, score: 1, comment: '没人回电' }, as);
    expect((await t.call('dashboard.csatTrend', range, lead)).rows).toEqual([
      { key: '2027-03-01', day: '2027-03-01', answers: 1, mean: 5, low: 0 },
      { key: '2027-03-18', day: '2027-03-18', answers: 1, mean: 1, low: 1 },
    ]);
    expect((await t.call('dashboard.cases', { chart: 'csatTrend', key: '2027-03-18', range }, lead)).cases.map((c) => c.id)).toEqual([
      cases.k2,
    ]);
    expect((await t.call('dashboard.openEscalations', range, lead)).rows).toEqual([{ key: '2:lt1d', level: 2, age: 'lt1d', open: 1 }]);
    // Reopened, k2 is no longer a resolved case.
    expect((await t.call('dashboard.slaByCategory', range, lead)).rows[0]).toMatchObject({
      category: 'billing',
      resolved: 1,
      withinSla: 1,
    });
    now += 2 * 24 * HOUR;
    expect((await t.call('dashboard.openEscalations', range, lead)).rows).toEqual([{ key: '2:1to3d', level: 2, age: '1to3d', open: 1 }]);
    const bar = await t.call('dashboard.cases', { chart: 'openEscalations', key: '2:1to3d', range }, lead);
    expect(bar.cases).toMatchObject([{ id: cases.k2, status: 'open', level: 2 }]);
    expect((await t.call('dashboard.cases', { chart: 'openEscalations', key: '2:lt1d', range }, lead)).cases).toEqual([]);
  });

  it('without a filter it counts everyone; a team matches nobody until accounts carry teams', async () => {
    const { agentIds: _, ...everyone } = range;
    const all = (await t.call('dashboard.csatTrend', everyone, lead)).rows;
    expect(all.reduce((n, r) => n + r.answers, 0)).toBeGreaterThanOrEqual(2);
    for (const name of ['promisesKept', 'brokenByAgent', 'slaByCategory', 'repeatContacts', 'csatTrend', 'openEscalations'] as const)
      expect((await t.call(`dashboard.${name}`, { ...everyone, team: '一组' }, lead)).rows).toEqual([]);
    expect(await t.call('dashboard.cases', { chart: 'csatTrend', key: '2027-03-01', range: { ...everyone, team: '一组' } }, lead)).toEqual({
      cases: [],
      more: false,
    });
  });

  it('limits the cases behind a bar and says there are more', async () => {
    const { agentIds: _, ...everyone } = range;
    const bar = await t.call('dashboard.cases', { chart: 'slaByCategory', key: 'network', range: everyone, limit: 1 }, lead);
    expect(bar.cases.length).toBe(1);
    expect(typeof bar.more).toBe('boolean');
  });

  const charts: ProcedureName[] = [
    'dashboard.promisesKept',
    'dashboard.brokenByAgent',
    'dashboard.slaByCategory',
    'dashboard.repeatContacts',
    'dashboard.csatTrend',
    'dashboard.openEscalations',
  ];
  it.each(charts)('%s is forbidden to an agent', async (name) => {
    expect((await expectAppError(t.call(name, range as never, { actor: DESK }))).code).toBe('forbidden');
  });

  it('refuses bad filters and bad bar keys with typed errors', async () => {
    const bad = [
      { ...range, from: range.to, to: range.from },
      { ...range, to: '2028-06-01T00:00:00Z' },
      { ...range, from: 'yesterday' },
      { ...range, agentIds: [] },
      { ...range, extra: 1 },
    ];
    for (const input of bad) expect((await expectAppError(t.call('dashboard.csatTrend', input as never, lead))).code).toBe('invalid_input');
    for (const [chart, key] of [
      ['csatTrend', '3月1日'],
      ['slaByCategory', 'nonsense'],
      ['openEscalations', '4:lt1d'],
      ['openEscalations', '2:forever'],
      ['promisesKept', '2027-13-45'],
    ] as const)
      expect((await expectAppError(t.call('dashboard.cases', { chart, key, range }, lead))).issues).toEqual([
        { path: 'key', message: 'bad_key' },
      ]);
    expect((await expectAppError(t.call('dashboard.cases', { chart: 'csatTrend', key: '2027-03-01', range }, { actor: DESK }))).code).toBe(
      'forbidden',
    );
  });
});
