import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, DESK_AGENT, STORY_CUSTOMER_ID, STORY_VOUCHER_CASE_ID } from '../../main/core';
import type { HeadlessDesk } from '../../main/sync';
import { type DeskSet, deskSet, pendingBatch, type SyncServer, startSyncServer } from '../fixtures/sync';
import { expectAppError, openTempCore, type TempCore } from '../fixtures/temp-core';

let server: TempCore;
let http: SyncServer;
let desks: DeskSet;
let a: HeadlessDesk;
let b: HeadlessDesk;

beforeEach(async () => {
  server = await openTempCore({ outbox: false });
  http = await startSyncServer(server.core);
  desks = deskSet(http);
  a = await desks.open('a', DESK_AGENT);
  b = await desks.open('b', DEMO_AGENTS.wangFang);
  for (const desk of [a, b]) await desk.call('customers.pop', { customerId: STORY_CUSTOMER_ID });
});
afterEach(async () => {
  await http.close();
  await desks.dispose();
  await server.dispose();
});

const SUPERVISOR = DEMO_AGENTS.supervisor;
const caseFields = async (desk: HeadlessDesk | TempCore) => {
  const view = await desk.call('cases.get', { id: STORY_VOUCHER_CASE_ID });
  return { title: view.title, priority: view.priority, status: view.status };
};

describe('sync conflicts', () => {
  it('a stale case field becomes a conflict for supervisors, never an overwrite; untouched fields merge; all converge', async () => {
    const seen = await a.call('cases.get', { id: STORY_VOUCHER_CASE_ID });
    // B changes the priority and pushes; A, offline from the same version, changes the priority and the title.
    await b.call('cases.update', { id: STORY_VOUCHER_CASE_ID, version: seen.version, priority: 'urgent' });
    expect(await b.sync.pushOnce()).toMatchObject({ sent: 1 });
    await a.call('cases.update', { id: STORY_VOUCHER_CASE_ID, version: seen.version, priority: 'low', title: '代金券未到账（已核实）' });
    const pushed = await a.sync.pushOnce();
    expect(pushed).toMatchObject({ sent: 1 });
    expect(pushed.refused).toBeUndefined();

    expect(await caseFields(server)).toMatchObject({ priority: 'urgent', title: '代金券未到账（已核实）' });
    const conflicts = await server.call('conflicts.list', {}, { actor: SUPERVISOR });
    expect(conflicts).toEqual([
      expect.objectContaining({
        kind: 'stale_field',
        entity: 'case',
        entityId: STORY_VOUCHER_CASE_ID,
        customerId: STORY_CUSTOMER_ID,
        field: 'priority',
        baseVersion: seen.version,
        theirs: 'urgent',
        ours: 'low',
        clientId: 'desk-a',
        actor: expect.objectContaining({ id: DESK_AGENT.id }),
        resolvedAt: null,
      }),
    ]);
    expect((await expectAppError(server.call('conflicts.list', {}, { actor: DESK_AGENT }))).code).toBe('forbidden');

    // Both desks pull: the server's answer wins on A too, and all three hold the same case.
    expect(await a.sync.pullOnce()).toMatchObject({ failed: 0 });
    expect(await b.sync.pullOnce()).toMatchObject({ failed: 0 });
    const onServer = await caseFields(server);
    expect(await caseFields(a)).toEqual(onServer);
    expect(await caseFields(b)).toEqual(onServer);

    // A's next edit, from the version it now holds, is no conflict: it applies.
    const now = await a.call('cases.get', { id: STORY_VOUCHER_CASE_ID });
    await a.call('cases.update', { id: STORY_VOUCHER_CASE_ID, version: now.version, priority: 'high' });
    await a.sync.pushOnce();
    expect((await caseFields(server)).priority).toBe('high');
    expect(await server.call('conflicts.list', {}, { actor: SUPERVISOR })).toHaveLength(1);
  });

  it('a stale customer name is kept apart the same way', async () => {
    const seen = await a.call('customers.get', { id: STORY_CUSTOMER_ID });
    await b.call('customers.update', { id: STORY_CUSTOMER_ID, version: seen.version, name: '王女士' });
    await b.sync.pushOnce();
    await a.call('customers.update', { id: STORY_CUSTOMER_ID, version: seen.version, name: '王小姐', tier: 'gold' });
    await a.sync.pushOnce();
    const onServer = await server.call('customers.get', { id: STORY_CUSTOMER_ID });
    expect(onServer).toMatchObject({ name: '王女士', tier: 'gold' });
    expect(await server.call('conflicts.list', {}, { actor: SUPERVISOR })).toMatchObject([
      { kind: 'stale_field', entity: 'customer', field: 'name', theirs: '王女士', ours: '王小姐' },
    ]);
  });

  it('notes never conflict: both desks’ notes on one case all arrive', async () => {
    const fromA = await a.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: 'A 的记录' });
    const fromB = await b.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: 'B 的记录' });
    await b.sync.pushOnce();
    await a.sync.pushOnce();
    const notes = await server.db.selectFrom('notes').select('id').where('id', 'in', [fromA.id, fromB.id]).execute();
    expect(notes).toHaveLength(2);
    expect(await server.call('conflicts.list', { status: 'all' }, { actor: SUPERVISOR })).toEqual([]);
  });

  it('a promise decided offline under an older policy bundle is flagged when pushed; the server’s answer stands', async () => {
    const made = await a.call('commitments.create', { caseId: STORY_VOUCHER_CASE_ID, kind: 'callback', wording: '明天回电' });
    const [mutation] = await pendingBatch(a);
    const older = { ...mutation!, policyVersion: 'f'.repeat(64) };
    const res = await http.post('/api/sync/push', { clientId: 'desk-a', mutations: [older] });
    expect(res.body).toMatchObject({ ok: true, value: { applied: [older.id], refused: [] } });
    expect(await server.db.selectFrom('commitments').select('id').where('id', '=', made.commitment.id).execute()).toHaveLength(1);
    expect(await server.call('conflicts.list', {}, { actor: SUPERVISOR })).toMatchObject([
      {
        kind: 'policy_changed',
        entity: 'commitment',
        entityId: made.commitment.id,
        customerId: STORY_CUSTOMER_ID,
        field: 'policy_version',
        theirs: server.core.deps.policy.version,
        ours: 'f'.repeat(64),
      },
    ]);
    // Under the server's own bundle nothing is flagged.
    await a.call('commitments.create', { caseId: STORY_VOUCHER_CASE_ID, kind: 'callback', wording: '后天回电' });
    await http.post('/api/sync/push', { clientId: 'desk-a', mutations: (await pendingBatch(a)).slice(1).map((m) => ({ ...m, seq: 2 })) });
    expect(await server.call('conflicts.list', {}, { actor: SUPERVISOR })).toHaveLength(1);
  });
});
