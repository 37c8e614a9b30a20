import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TRANSITIONS } from '../../main/core/promises/escalation-workflow';
import { type CoreEvent } from '../../main/core';
import { EscalationAction, EscalationStatus } from '../../shared';
import { STORY_CONDUCT_CASE_ID } from '../fixtures/demo-ids';
import { act, auditOf, people } from '../fixtures/escalation-flow';
import { tableCounter, type TableCounts } from '../fixtures/table-counts';
import { expectAppError, openTempCore, type TempCore } from '../fixtures/temp-core';

const HOUR = 3_600_000;
let t: TempCore;
let counts: () => TableCounts;
const events: CoreEvent[] = [];

beforeAll(async () => {
  t = await openTempCore();
  counts = tableCounter(t.sqlite.raw);
  t.core.bus.on((e) => events.push(e));
});
afterAll(async () => {
  await t?.dispose();
});
beforeEach(() => {
  events.length = 0;
});

/** A fresh case of a new customer, and an escalation raised on it by hand by the desk's agent. */
async function raised(phone: string) {
  const customer = await t.call('customers.create', { name: '测试客户', phone });
  const kase = await t.call('cases.create', { customerId: customer.id, title: '宽带多次断线', category: 'network' });
  const escalation = await t.call(
    'escalations.raise',
    { caseId: kase.id, reason: '客户第三次来电，要求班长处理' },
    { actor: people.agent },
  );
  return { caseId: kase.id, escalation };
}

let phone = 13_900_000_000;
const nextPhone = () => `+86${++phone}`;

describe('the transition table, every state × every action', () => {
  const pairs = EscalationStatus.options.flatMap((state) => EscalationAction.options.map((action) => [state, action] as const));

  it.each(pairs)(
    '%s + %s: moves to the table’s state, audited and announced, or is refused with nothing written',
    async (state, action) => {
      const { escalation } = await raised(nextPhone());
      // Put the escalation in `state` at level 2 (owned by the actor when accepted), then act as an
      // administrator, who works every level: what is left to judge is the table alone.
      await t.core.deps.db
        .updateTable('escalations')
        .set({ status: state, owner_id: state === 'accepted' ? people.admin.id : null })
        .where('id', '=', escalation.id)
        .execute();
      const auditBefore = (await auditOf(t.core.deps.db, escalation.id)).length;
      const before = counts();
      events.length = 0;
      const to = TRANSITIONS[state][action];
      if (to === undefined) {
        const error = await expectAppError(act(t, action, escalation.id, people.admin));
        expect(error.code).toBe('conflict');
        expect(error.issues).toEqual([{ path: 'action', message: 'invalid_state' }]);
        expect(counts()).toEqual(before);
        expect((await t.call('escalations.list', { caseId: escalation.caseId }))[0]).toMatchObject({ status: state, level: 2 });
        expect(events.filter((e) => e.event === 'changed' && e.payload.id === escalation.id)).toEqual([]);
        return;
      }
      const after = await act(t, action, escalation.id, people.admin);
      expect(after.status).toBe(to);
      expect(after.level).toBe(action === 'escalate' ? 3 : action === 'deescalate' ? 1 : 2);
      const audit = await auditOf(t.core.deps.db, escalation.id);
      expect(audit).toHaveLength(auditBefore + 1);
      expect(audit.at(-1)!.data).toMatchObject({ status: { from: state, to } });
      expect(events).toContainEqual({
        event: 'changed',
        payload: { entity: 'escalation', id: escalation.id, customerId: escalation.customerId },
      });
    },
  );

  it('has a row for every state, and nothing leaves resolved', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...EscalationStatus.options].sort());
    expect(TRANSITIONS.resolved).toEqual({});
  });
});

describe('who may do what, by level', () => {
  it('an agent may raise but not accept a supervisor’s escalation; the supervisors’ people may', async () => {
    const { escalation } = await raised(nextPhone());
    expect(escalation).toMatchObject({ status: 'open', level: 2, reason: 'manual', owner: null, raisedBy: { id: people.agent.id } });
    const before = counts();
    const refused = await expectAppError(act(t, 'accept', escalation.id, people.agent));
    expect(refused.code).toBe('forbidden');
    expect(refused.issues).toEqual([{ path: 'id', message: 'not_your_level' }]);
    expect(counts()).toEqual(before);
    expect(await act(t, 'accept', escalation.id, people.supervisor)).toMatchObject({
      status: 'accepted',
      owner: { id: people.supervisor.id },
    });
  });

  it('once accepted only its owner acts on it, until someone at the level reassigns it', async () => {
    const { escalation } = await raised(nextPhone());
    await act(t, 'accept', escalation.id, people.supervisor);
    const before = counts();
    const taken = await expectAppError(act(t, 'approve', escalation.id, people.supervisor2));
    expect(taken.issues).toEqual([{ path: 'id', message: 'taken_by_other' }]);
    expect(counts()).toEqual(before);
    const moved = await act(t, 'reassign', escalation.id, people.supervisor2, people.supervisor2.id);
    expect(moved).toMatchObject({ status: 'accepted', owner: { id: people.supervisor2.id } });
    expect(await act(t, 'resolve', escalation.id, people.supervisor2)).toMatchObject({ status: 'resolved' });
  });

  it('reassigns only to an active person who works the level', async () => {
    const { escalation } = await raised(nextPhone());
    const before = counts();
    const agent = await expectAppError(act(t, 'reassign', escalation.id, people.supervisor, people.agent.id));
    expect(agent.issues).toEqual([{ path: 'toId', message: 'not_their_level' }]);
    const nobody = await expectAppError(act(t, 'reassign', escalation.id, people.supervisor, '01930000-0000-7000-8000-0000000fffff'));
    expect(nobody.code).toBe('not_found');
    expect(counts()).toEqual(before);
    const assignees = await t.call('escalations.assignees', { id: escalation.id }, { actor: people.supervisor });
    expect(assignees.map((a) => a.employeeNo)).toEqual(expect.arrayContaining(['30001', '30002', '40001', '90001']));
    expect(assignees.map((a) => a.employeeNo)).not.toContain('20001');
    // the clock's actor is an administrator on the record, but nobody to give work to
    expect(assignees.map((a) => a.employeeNo)).not.toContain('0');
    const system = await expectAppError(act(t, 'reassign', escalation.id, people.supervisor, '01930000-0000-7000-8000-000000000000'));
    expect(system.code).toBe('not_found');
  });

  it('sent to level 3, only the complaint centre (or an administrator) works it; a supervisor is refused', async () => {
    const { caseId, escalation } = await raised(nextPhone());
    await act(t, 'accept', escalation.id, people.supervisor);
    const up = await act(t, 'escalate', escalation.id, people.supervisor);
    expect(up).toMatchObject({ status: 'escalated', level: 3, owner: null, decisionNote: '客户表示要向工信部申诉' });
    expect((await t.call('cases.get', { id: caseId })).level).toBe(3);
    const before = counts();
    expect((await expectAppError(act(t, 'accept', escalation.id, people.supervisor2))).issues).toEqual([
      { path: 'id', message: 'not_your_level' },
    ]);
    expect((await expectAppError(act(t, 'escalate', escalation.id, people.complaints))).issues).toEqual([
      { path: 'action', message: 'invalid_state' },
    ]);
    expect(counts()).toEqual(before);
    await act(t, 'accept', escalation.id, people.complaints);
    expect(await act(t, 'deny', escalation.id, people.complaints)).toMatchObject({
      status: 'denied',
      decision: 'denied',
      decidedBy: { id: people.complaints.id },
      decisionNote: '不符合补偿条件',
    });
    // resolved, it is still a denial to the agent who asked
    expect(await act(t, 'resolve', escalation.id, people.complaints)).toMatchObject({ status: 'resolved', decision: 'denied' });
  });

  it('a denial, a step down and a send to level 3 each need a reason; refused without one, nothing written', async () => {
    const { escalation } = await raised(nextPhone());
    const before = counts();
    for (const call of [
      t.call('escalations.decide', { id: escalation.id, approve: false }, { actor: people.supervisor }),
      t.call('escalations.decide', { id: escalation.id, approve: false, note: '   ' }, { actor: people.supervisor }),
    ]) {
      const error = await expectAppError(call);
      expect(error.code).toBe('invalid_input');
      expect(error.issues).toEqual([{ path: 'note', message: 'required' }]);
    }
    expect(
      (await expectAppError(t.call('escalations.deescalate', { id: escalation.id, note: '' } as never, { actor: people.supervisor }))).code,
    ).toBe('invalid_input');
    expect(counts()).toEqual(before);
  });

  it('stepped down to level 1 it is the agents’ again: the agent accepts and resolves it', async () => {
    const { escalation } = await raised(nextPhone());
    const down = await act(t, 'deescalate', escalation.id, people.supervisor);
    expect(down).toMatchObject({ status: 'open', level: 1, decisionNote: '坐席可以自行处理' });
    await act(t, 'accept', escalation.id, people.agent);
    expect(await act(t, 'resolve', escalation.id, people.agent)).toMatchObject({ status: 'resolved', owner: { id: people.agent.id } });
    expect((await expectAppError(act(t, 'deescalate', escalation.id, people.supervisor))).issues).toEqual([
      { path: 'action', message: 'invalid_state' },
    ]);
  });
});

describe('a conduct complaint', () => {
  it('is never stepped down to the agents’ level, where the agent complained about works', async () => {
    const [complaint] = await t.call('escalations.list', { caseId: STORY_CONDUCT_CASE_ID }, { actor: people.supervisor });
    expect(complaint).toMatchObject({ reason: 'conduct_complaint', level: 2 });
    const before = counts();
    const error = await expectAppError(act(t, 'deescalate', complaint!.id, people.supervisor));
    expect(error.code).toBe('conflict');
    expect(error.issues).toEqual([{ path: 'action', message: 'invalid_level' }]);
    expect(counts()).toEqual(before);
    // its detail comes as values, for the UI to word in its language
    expect(complaint!.detailParams).toMatchObject({ employeeNo: '23338' });
  });
});

describe('time limits and the regulator', () => {
  it('dueAt is the sla table’s hours for the level, from when it reached it', async () => {
    const { caseId, escalation } = await raised(nextPhone());
    const { sla } = await t.call('policy.evaluate', { caseId });
    expect(Date.parse(escalation.dueAt) - Date.parse(escalation.createdAt)).toBe(sla.level2Hours * HOUR);
    const up = await act(t, 'escalate', escalation.id, people.supervisor);
    const { sla: after } = await t.call('policy.evaluate', { caseId });
    const movedAt = Date.parse(up.dueAt) - after.level3Hours * HOUR;
    expect(movedAt).toBeGreaterThanOrEqual(Date.parse(escalation.createdAt));
    expect(movedAt).toBeLessThanOrEqual(Date.now());
  });

  it('a case becomes a complaint on the regulator’s 15 days when it reaches the complaint centre, on the case and the escalation', async () => {
    const { caseId, escalation } = await raised(nextPhone());
    expect(escalation.regulatorDueAt).toBeNull();
    expect((await t.call('cases.get', { id: caseId })).regulatorDueAt).toBeNull();
    const up = await act(t, 'escalate', escalation.id, people.supervisor);
    const kase = await t.call('cases.get', { id: caseId });
    expect(kase.regulatorDueAt).toBe(new Date(Date.parse(kase.openedAt) + 15 * 24 * HOUR).toISOString());
    expect(up.regulatorDueAt).toBe(kase.regulatorDueAt);
  });

  it('the queue lists what still waits on someone, and each row says who owns it and their team', async () => {
    // Teams come with accounts (0008); this core has none, so the agent is put in one here.
    await t.core.deps.db.updateTable('agents').set({ team: '一组' }).where('id', '=', people.agent.id).execute();
    const { escalation } = await raised(nextPhone());
    await act(t, 'accept', escalation.id, people.supervisor);
    const active = await t.call('escalations.list', { active: true }, { actor: people.supervisor });
    expect(active.every((e) => ['open', 'accepted', 'escalated'].includes(e.status))).toBe(true);
    expect(active.find((e) => e.id === escalation.id)).toMatchObject({ owner: { id: people.supervisor.id }, team: '一组' });
    await act(t, 'resolve', escalation.id, people.supervisor);
    expect((await t.call('escalations.list', { active: true })).some((e) => e.id === escalation.id)).toBe(false);
  });
});
