import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, DESK_AGENT, STORY_CUSTOMER_ID, STORY_VOUCHER_CASE_ID } from '../../main/core';
import { newId } from '../../shared';
import { startPostgres, type TempPostgresCore, type TestPostgres, openTempPostgresCore } from '../fixtures/embedded-postgres';
import { type DeskSet, deskSet, pendingBatch, type SyncServer, startSyncServer, tableCounts } from '../fixtures/sync';

let cluster: TestPostgres;
let server: TempPostgresCore;
let http: SyncServer;
let desks: DeskSet;

beforeAll(async () => {
  cluster = await startPostgres();
  server = await openTempPostgresCore(cluster);
  http = await startSyncServer(server.core);
  desks = deskSet(http);
}, 120_000);
afterAll(async () => {
  await http?.close();
  await desks?.dispose();
  await server?.dispose();
  await cluster?.stop();
});

describe('sync on PostgreSQL', () => {
  it('applies a batch in one transaction exactly once, refuses a bad one whole, and another desk pulls', async () => {
    const a = await desks.open('a', DESK_AGENT, { batchSize: 4 });
    // B has the customer open (a desk pulls the customers it holds).
    const b = await desks.open('b', DEMO_AGENTS.wangFang);
    await b.call('customers.pop', { customerId: STORY_CUSTOMER_ID });
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await a.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: `同步 ${i}` })).id);
    const batch = await pendingBatch(a);

    // A refused mutation in the middle: nothing of the batch is kept.
    const before = await tableCounts(server.db);
    const bad = { ...batch[1]!, args: { ...(batch[1]!.args as object), caseId: newId() } };
    const refused = await http.post('/api/sync/push', { clientId: 'desk-a', mutations: [batch[0], bad, batch[2]] });
    expect(refused.body).toMatchObject({ ok: true, value: { applied: [], refused: [{ id: bad.id, error: { code: 'not_found' } }] } });
    const gap = await http.post('/api/sync/push', { clientId: 'desk-a', mutations: batch.slice(1) });
    expect(gap.body).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ message: 'sequence_gap' }, { message: '1' }] } });
    expect(await tableCounts(server.db)).toEqual(before);

    expect(await a.sync.pushOnce()).toMatchObject({ sent: 10 });
    const notes = await server.db.selectFrom('notes').select('id').where('id', 'in', ids).execute();
    expect(notes).toHaveLength(10);
    const changes = await server.db.selectFrom('changes').select('change_seq').orderBy('change_seq').execute();
    // A PostgreSQL identity is not transactional: the refused batch used up a number, so change_seq only grows.
    const seqs = changes.map((c) => Number(c.change_seq));
    expect(seqs).toHaveLength(10);
    expect(seqs.every((s, i) => i === 0 || s > seqs[i - 1]!)).toBe(true);
    const cursor = seqs.at(-1)!;

    const after = await tableCounts(server.db);
    const again = await http.post('/api/sync/push', { clientId: 'desk-a', mutations: batch });
    expect(again.body).toMatchObject({ ok: true, value: { applied: [], skipped: batch.map((m) => m.id), cursor } });
    expect(await tableCounts(server.db)).toEqual(after);

    expect(await b.sync.pullOnce()).toMatchObject({ applied: 10, failed: 0, cursor });
    const onB = await b.opened.db.selectFrom('notes').select('id').where('id', 'in', ids).execute();
    expect(onB).toHaveLength(10);
  });
});
