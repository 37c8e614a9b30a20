import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, DESK_AGENT, STORY_CUSTOMER_ID, STORY_VOUCHER_CASE_ID } from '../../main/core';
import { type Mutation, newId, SYNC_PUSH_MAX_MUTATIONS } from '../../shared';
import { join } from 'node:path';
import { openHeadlessDesk } from '../../main/sync';
import { type DeskSet, deskSet, pendingBatch, type SyncServer, startSyncServer, tableCounts } from '../fixtures/sync';
import { customerWithCall, QIAN_WEI, SUPERVISOR } from '../fixtures/supervision';
import { openTempCore, type TempCore } from '../fixtures/temp-core';

let server: TempCore;
let http: SyncServer;
let desks: DeskSet;

beforeEach(async () => {
  server = await openTempCore({ outbox: false });
  http = await startSyncServer(server.core);
  desks = deskSet(http);
});
afterEach(async () => {
  await http.close();
  await desks.dispose();
  await server.dispose();
});

const noteIds = async (db: TempCore['db'], ids: string[]) =>
  (await db.selectFrom('notes').select('id').where('id', 'in', ids).execute()).map((r) => r.id).sort();

async function writeNotes(desk: Awaited<ReturnType<DeskSet['open']>>, n: number, label = 'note'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push((await desk.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: `${label} ${i} 客户来电` })).id);
  return ids;
}

describe('push', () => {
  it('applies a batch exactly once: the same batch again is all skipped and writes nothing', async () => {
    const a = await desks.open('a', DESK_AGENT);
    const ids = await writeNotes(a, 3);
    const batch = await pendingBatch(a);
    const first = await http.post('/api/sync/push', { clientId: 'desk-a', mutations: batch });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ok: true, value: { applied: batch.map((m) => m.id), skipped: [], refused: [] } });
    expect(await noteIds(server.db, ids)).toEqual([...ids].sort());
    const changes = await server.db.selectFrom('changes').selectAll().orderBy('change_seq').execute();
    expect(changes.map((c) => c.entity_id)).toEqual(ids);
    expect(changes.every((c) => c.customer_id === STORY_CUSTOMER_ID)).toBe(true);

    const before = await tableCounts(server.db);
    const again = await http.post('/api/sync/push', { clientId: 'desk-a', mutations: batch });
    expect(again.body).toMatchObject({ ok: true, value: { applied: [], skipped: batch.map((m) => m.id), refused: [] } });
    expect(await tableCounts(server.db)).toEqual(before);
  });

  it('refuses a batch that does not continue the desk sequence with sequence_gap and the expected seq', async () => {
    const a = await desks.open('a', DESK_AGENT);
    await writeNotes(a, 4);
    const before = await tableCounts(server.db);
    const late = await http.post('/api/sync/push', { clientId: 'desk-a', mutations: await pendingBatch(a, 3) });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        issues: [
          { path: 'mutations.0.seq', message: 'sequence_gap' },
          { path: 'expectedSeq', message: '1' },
        ],
      },
    });
    const batch = await pendingBatch(a);
    const holed = [batch[0], batch[1], { ...batch[3]!, seq: 4 }] as Mutation[];
    const inside = await http.post('/api/sync/push', { clientId: 'desk-a', mutations: holed });
    // seq 4 is consecutive, but a later push must continue at 3: the first two apply only with the whole batch.
    expect(inside.body).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        issues: [
          { path: 'mutations.2.seq', message: 'sequence_gap' },
          { path: 'expectedSeq', message: '3' },
        ],
      },
    });
    expect(await tableCounts(server.db)).toEqual(before);

    expect((await http.post('/api/sync/push', { clientId: 'desk-a', mutations: batch.slice(0, 2) })).status).toBe(200);
    const next = await http.post('/api/sync/push', { clientId: 'desk-a', mutations: [{ ...batch[2]!, seq: 4 }] });
    expect(next.body).toMatchObject({ error: { issues: [{ message: 'sequence_gap' }, { path: 'expectedSeq', message: '3' }] } });
  });

  it('refuses a mutation naming another actor (actor_mismatch) and keeps nothing of the batch', async () => {
    const a = await desks.open('a', DESK_AGENT);
    await writeNotes(a, 3);
    const batch = await pendingBatch(a);
    const before = await tableCounts(server.db);
    // Wang Fang's session pushes Lin Xiao's writes.
    const forged = await http.post('/api/sync/push', { clientId: 'desk-a', mutations: batch }, DEMO_AGENTS.wangFang);
    expect(forged.status).toBe(200);
    expect(forged.body).toMatchObject({
      ok: true,
      value: {
        applied: [],
        skipped: [],
        refused: [{ id: batch[0]!.id, error: { code: 'forbidden', issues: [{ message: 'actor_mismatch' }] } }],
      },
    });
    // One of her own, then one of his: the batch stops at his and hers is not kept either.
    const b = await desks.open('b', DEMO_AGENTS.wangFang);
    await writeNotes(b, 1);
    const mixed = [...(await pendingBatch(b)), { ...batch[0]!, clientId: 'desk-b', seq: 2 }];
    const stopped = await http.post('/api/sync/push', { clientId: 'desk-b', mutations: mixed }, DEMO_AGENTS.wangFang);
    expect(stopped.body).toMatchObject({
      value: { applied: [], refused: [{ id: batch[0]!.id, error: { issues: [{ message: 'actor_mismatch' }] } }] },
    });
    expect(await tableCounts(server.db)).toEqual(before);
  });

  it('binds a client id to the person of its first push: another person on it is client_mismatch', async () => {
    const a = await desks.open('a', DESK_AGENT);
    await writeNotes(a, 1);
    expect((await http.post('/api/sync/push', { clientId: 'desk-a', mutations: await pendingBatch(a) })).status).toBe(200);
    const b = await desks.open('b', DEMO_AGENTS.wangFang);
    await writeNotes(b, 1);
    const before = await tableCounts(server.db);
    const hers = (await pendingBatch(b, 2)).map((m) => ({ ...m, clientId: 'desk-a' }));
    const taken = await http.post('/api/sync/push', { clientId: 'desk-a', mutations: hers }, DEMO_AGENTS.wangFang);
    expect(taken.status).toBe(403);
    expect(taken.body).toMatchObject({
      ok: false,
      error: { code: 'forbidden', issues: [{ path: 'clientId', message: 'client_mismatch' }] },
    });
    // A batch whose mutations come from another desk than the one pushing it.
    const foreign = await http.post(
      '/api/sync/push',
      { clientId: 'desk-b', mutations: hers.map((m) => ({ ...m, seq: 1 })) },
      DEMO_AGENTS.wangFang,
    );
    expect(foreign.body).toMatchObject({
      error: { code: 'forbidden', issues: [{ path: 'mutations.0.clientId', message: 'client_mismatch' }] },
    });
    expect(await tableCounts(server.db)).toEqual(before);
  });

  it('answers malformed and oversized batches with typed errors and changes nothing', async () => {
    const a = await desks.open('a', DESK_AGENT);
    await writeNotes(a, 2);
    const batch = await pendingBatch(a);
    const before = await tableCounts(server.db);
    const cases: [unknown, number, string][] = [
      [{ clientId: 'desk-a', mutations: [] }, 400, 'invalid_input'],
      [{ clientId: 'desk-a', mutations: [{ ...batch[0], id: 'not-a-uuid' }] }, 400, 'invalid_input'],
      [{ clientId: 'desk-a', mutations: batch, extra: 1 }, 400, 'invalid_input'],
      [{ mutations: batch }, 400, 'invalid_input'],
      ['{"clientId": "desk-a", "mutations": [', 400, 'bad_request'],
      [
        {
          clientId: 'desk-a',
          mutations: Array.from({ length: SYNC_PUSH_MAX_MUTATIONS + 1 }, (_, i) => ({ ...batch[0], id: newId(), seq: i + 1 })),
        },
        413,
        'payload_too_large',
      ],
      [
        { clientId: 'desk-a', mutations: [{ ...batch[0], args: { ...(batch[0]!.args as object), body: '长'.repeat(2_000_000) } }] },
        413,
        'payload_too_large',
      ],
    ];
    for (const [body, status, code] of cases) {
      const res = await http.post('/api/sync/push', body);
      expect({ status: res.status, code: (res.body as { error?: { code: string } }).error?.code }).toEqual({ status, code });
    }
    expect(await tableCounts(server.db)).toEqual(before);
  });

  it('rolls back the whole batch when a mutation in the middle is refused, and says which and why', async () => {
    const a = await desks.open('a', DESK_AGENT);
    await writeNotes(a, 3);
    const batch = await pendingBatch(a);
    const bad = { ...batch[1]!, args: { ...(batch[1]!.args as object), caseId: newId() } };
    const before = await tableCounts(server.db);
    const res = await http.post('/api/sync/push', { clientId: 'desk-a', mutations: [batch[0], bad, batch[2]] });
    expect(res.body).toMatchObject({
      ok: true,
      value: { applied: [], skipped: [], refused: [{ id: bad.id, error: { code: 'not_found' } }] },
    });
    expect(await tableCounts(server.db)).toEqual(before);
    // The client marks the refused write and stops there; the server still expects seq 1.
    const outcome = await a.sync.pushOnce();
    expect(outcome.sent).toBe(3);
  });
});

describe('desks', () => {
  it('desk A writes 50 notes offline, reconnects and pushes them exactly once; desk B pulls them', async () => {
    let now = Date.parse('2026-11-29T10:00:00Z');
    const a = await desks.open('a', DESK_AGENT, { clock: () => now, batchSize: 20 });
    // B has the customer open (a desk pulls the customers it holds).
    const b = await desks.open('b', DEMO_AGENTS.wangFang);
    await b.call('customers.pop', { customerId: STORY_CUSTOMER_ID });
    const statuses: boolean[] = [];
    a.sync.onStatus((s) => statuses.push(s.online));
    http.setDown(true);
    const ids = await writeNotes(a, 50, '离线');
    expect(await a.sync.pushOnce()).toMatchObject({ sent: 0, waiting: false });
    expect(await a.sync.status()).toMatchObject({ online: false, pending: 50, lastError: 'fetch failed' });
    const retryAt = a.sync.retryAt();
    expect(retryAt).toBeGreaterThan(now);
    expect(await a.sync.pushOnce()).toMatchObject({ sent: 0, waiting: true });
    now = retryAt;
    expect(await a.sync.pushOnce()).toMatchObject({ sent: 0, waiting: false });
    // Exponential: the second wait is longer than the first.
    expect(a.sync.retryAt() - now).toBeGreaterThan(retryAt - Date.parse('2026-11-29T10:00:00Z'));
    // Each failed try counts against the batch it tried (the first 20) and says why.
    const tried = await a.opened.db
      .selectFrom('outbox')
      .select(['attempts', 'last_error'])
      .where('status', '=', 'pending')
      .orderBy('seq')
      .execute();
    expect(tried.slice(0, 20).every((r) => r.attempts === 2 && r.last_error === 'fetch failed')).toBe(true);
    expect(tried.slice(20).every((r) => r.attempts === 0)).toBe(true);

    http.setDown(false);
    now = a.sync.retryAt();
    expect(await a.sync.pushOnce()).toMatchObject({ sent: 50, waiting: false });
    expect(await a.sync.status()).toEqual({ online: true, pending: 0, lastError: null });
    expect(statuses.at(-1)).toBe(true);
    expect(await a.sync.pushOnce()).toMatchObject({ sent: 0 });
    expect(await noteIds(server.db, ids)).toEqual([...ids].sort());
    const ledger = await server.db
      .selectFrom('applied_mutations')
      .select(['id', 'seq'])
      .where('client_id', '=', 'desk-a')
      .orderBy('seq')
      .execute();
    expect(ledger.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));

    const pulled = await b.sync.pullOnce();
    expect(pulled).toMatchObject({ applied: 50, failed: 0 });
    expect(await noteIds(b.opened.db, ids)).toEqual([...ids].sort());
    // Pulled writes are not desk B's to push.
    expect(await b.sync.status()).toMatchObject({ pending: 0 });
    expect(await b.sync.pullOnce()).toMatchObject({ applied: 0, cursor: pulled.cursor });
  });

  it('a refused write is marked refused and pushing stops there; the writes after it still go later', async () => {
    const a = await desks.open('a', DESK_AGENT);
    const [first] = await writeNotes(a, 1);
    await a.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: '第二条' });
    const rows = await a.opened.db
      .selectFrom('outbox')
      .select(['seq', 'mutation'])
      .where('status', '=', 'pending')
      .orderBy('seq')
      .execute();
    const second = JSON.parse(rows[1]!.mutation) as Mutation;
    // Make the second write one the server refuses: the same id already names another write there.
    await server.db
      .insertInto('applied_mutations')
      .values({
        id: second.id,
        client_id: 'elsewhere',
        seq: 1,
        name: 'notes.add',
        args: '{}',
        actor_id: DESK_AGENT.id,
        at: second.at,
        applied_at: second.at,
        request: null,
      })
      .execute();
    const third = await writeNotes(a, 1, '第三条');
    const outcome = await a.sync.pushOnce();
    expect(outcome.refused).toMatchObject({ id: second.id, error: { code: 'conflict' } });
    const statuses = await a.opened.db
      .selectFrom('outbox')
      .select(['mutation_id', 'status'])
      .where('status', '!=', 'local')
      .orderBy('seq')
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(['pending', 'refused', 'pending']);
    expect((await a.sync.status()).lastError).toMatch(/different write/);
    const retry = await a.sync.pushOnce();
    expect(retry).toMatchObject({ sent: 2 });
    expect(await noteIds(server.db, [first!, ...third])).toEqual([first!, ...third].sort());
  });
});

describe('pull', () => {
  it('never hands an agent a conduct complaint about them: not in a customer fetch, not in a pull; others get it', async () => {
    const { customer, kase: billing, contact } = await customerWithCall(server, QIAN_WEI, '13900033001');
    const complaint = await server.call(
      'cases.create',
      { customerId: customer.id, title: '投诉坐席态度', category: 'conduct_complaint', priority: 'high', aboutContactId: contact.id },
      { actor: DESK_AGENT },
    );
    const early = await server.call('notes.add', { caseId: complaint.id, body: '投诉细节' }, { actor: SUPERVISOR });
    const q = await desks.open('q', QIAN_WEI);
    const other = await desks.open('w', DEMO_AGENTS.wangFang);
    const has = async (desk: typeof q, table: 'cases' | 'notes' | 'escalations', id: string) =>
      (await desk.opened.db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

    // Neither desk holds the customer: the pop fetches the history from the server first.
    const popQ = await q.call('customers.pop', { phone: '13900033001' });
    expect(popQ).toMatchObject({ found: true, customer: { id: customer.id } });
    expect(await has(q, 'cases', billing.id)).toBe(true);
    expect(await has(q, 'cases', complaint.id)).toBe(false);
    expect(await has(q, 'notes', early.id)).toBe(false);
    const escalation = await server.db.selectFrom('escalations').select('id').where('case_id', '=', complaint.id).executeTakeFirstOrThrow();
    expect(await has(q, 'escalations', escalation.id)).toBe(false);
    await other.call('customers.pop', { phone: '13900033001' });
    expect(await has(other, 'cases', complaint.id)).toBe(true);
    expect(await has(other, 'notes', early.id)).toBe(true);

    const later = await server.call('notes.add', { caseId: complaint.id, body: '主管回访' }, { actor: SUPERVISOR });
    const visible = await server.call('notes.add', { caseId: billing.id, body: '账单已解释' }, { actor: SUPERVISOR });
    expect(await q.sync.pullOnce()).toMatchObject({ failed: 0 });
    expect(await has(q, 'notes', later.id)).toBe(false);
    expect(await has(q, 'notes', visible.id)).toBe(true);
    await other.sync.pullOnce();
    expect(await has(other, 'notes', later.id)).toBe(true);
  });

  it('brings a desk the writes made on the server itself (a browser user), not only pushed ones', async () => {
    const b = await desks.open('b', DEMO_AGENTS.wangFang);
    await b.call('customers.pop', { customerId: STORY_CUSTOMER_ID });
    const before = await b.sync.pullOnce();
    const note = await server.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: '浏览器里写的' }, { actor: DEMO_AGENTS.liQiang });
    const changes = await server.db.selectFrom('changes').selectAll().execute();
    expect(changes.map((c) => c.entity_id)).toEqual([note.id]);
    expect(await b.sync.pullOnce()).toMatchObject({ applied: 1, failed: 0 });
    const onB = await b.opened.db.selectFrom('notes').select(['id', 'author_id']).where('id', '=', note.id).executeTakeFirst();
    expect(onB).toEqual({ id: note.id, author_id: DEMO_AGENTS.liQiang.id });
    expect(before.cursor).toBe(0);
  });

  it('applies a fetched history in one go: a write the desk refuses is undone alone, the rest arrive', async () => {
    const author = { actor: DEMO_AGENTS.liQiang };
    const customer = await server.call('customers.create', { name: '首次来电客户', phone: '13900077001' }, author);
    const made = await server.call('cases.create', { customerId: customer.id, title: '话费疑问', category: 'billing' }, author);
    const notes = [
      await server.call('notes.add', { caseId: made.id, body: '第一条' }, author),
      await server.call('notes.add', { caseId: made.id, body: '第二条' }, author),
    ];
    // The server's answer with one more write in the middle, about a case that exists nowhere: the desk must refuse it.
    const bogusId = newId();
    const reader = DEMO_AGENTS.wangFang;
    const tampering: typeof fetch = async (input, init) => {
      const res = await http.fetchAs(reader)(input, init);
      if (!String(input).endsWith('/api/sync/customer')) return res;
      const body = (await res.json()) as {
        value: { changes: { name: string; mutationId: string; id: string; args: object; mutation: Mutation }[] };
      };
      const changes = body.value.changes;
      const model = changes.find((c) => c.name === 'notes.add')!;
      const args = { ...model.args, id: bogusId, caseId: newId() };
      const mutationId = newId();
      changes.splice(2, 0, { ...model, id: bogusId, mutationId, args, mutation: { ...model.mutation, id: mutationId, args } });
      return new Response(JSON.stringify(body), { status: res.status, headers: { 'content-type': 'application/json' } });
    };
    const b = await openHeadlessDesk({
      file: join(desks.dir, 'tampered.db'),
      clientId: 'desk-tampered',
      serverUrl: http.base,
      actor: reader,
      fetch: tampering,
    });
    try {
      const pop = await b.call('customers.pop', { phone: '13900077001' });
      expect(pop.found && pop.customer.id).toBe(customer.id);
      expect(await b.opened.db.selectFrom('cases').select('id').where('id', '=', made.id).execute()).toHaveLength(1);
      const arrived = await b.opened.db.selectFrom('notes').select('id').where('case_id', '=', made.id).orderBy('id').execute();
      expect(arrived.map((n) => n.id)).toEqual(notes.map((n) => n.id).sort());
      expect(await b.opened.db.selectFrom('notes').select('id').where('id', '=', bogusId).execute()).toEqual([]);
      expect((await b.sync.status()).lastError).toContain('notes.add');
    } finally {
      await b.close();
    }
  });

  it('pages changes in change_seq order with a cursor, for the customers named plus those of none', async () => {
    const a = await desks.open('a', DESK_AGENT, { batchSize: 500 });
    const ids = await writeNotes(a, 23);
    await a.sync.pushOnce();
    const seen: string[] = [];
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const res = await http.post('/api/sync/pull', { clientId: 'desk-b', cursor, customerIds: [STORY_CUSTOMER_ID], limit: 7 });
      const value = (res.body as unknown as { value: { changes: { changeSeq: number; id: string }[]; cursor: number; more: boolean } })
        .value;
      pages += 1;
      expect(value.changes.length).toBe(value.more ? 7 : 23 - 7 * (pages - 1));
      const seqs = value.changes.map((c) => c.changeSeq);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      expect(seqs.every((s) => s > cursor)).toBe(true);
      seen.push(...value.changes.map((c) => c.id));
      cursor = value.cursor;
      if (!value.more) break;
    }
    expect(pages).toBe(4);
    expect(seen).toEqual(ids);
    const other = await http.post('/api/sync/pull', { clientId: 'desk-b', cursor: 0, customerIds: [newId()] });
    expect(other.body).toMatchObject({ ok: true, value: { changes: [], cursor: 0, more: false } });
    const after = await http.post('/api/sync/pull', { clientId: 'desk-b', cursor, customerIds: [STORY_CUSTOMER_ID] });
    expect(after.body).toMatchObject({ ok: true, value: { changes: [], cursor, more: false } });
    const bad = await http.post('/api/sync/pull', { clientId: 'desk-b', cursor: -1, customerIds: [] });
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
