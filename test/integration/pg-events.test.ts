import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type CoreEvent, DEMO_AGENTS, STORY_CUSTOMER_ID } from '../../main/core';
import { buildServer } from '../../server/app';
import { type PgEventRelay, relayEventsThroughPostgres } from '../../server/pg-events';
import { openTempPostgresCore, startPostgres, type TempPostgresCore, type TestPostgres } from '../fixtures/embedded-postgres';

// Two team-server instances on one PostgreSQL database: a change written through one reaches the
// WebSocket clients of the other through LISTEN/NOTIFY.
const VOUCHER_CASE = '01930000-0000-7000-8000-00000000ca01';

interface Instance {
  core: TempPostgresCore;
  app: FastifyInstance;
  relay: PgEventRelay;
  base: string;
}

let cluster: TestPostgres;
let a: Instance;
let b: Instance;
const sockets: WebSocket[] = [];

async function instance(connectionString: string | undefined, name: string): Promise<Instance> {
  const core = await openTempPostgresCore(cluster, { clientId: name, ...(connectionString ? { connectionString } : {}) });
  const relay = relayEventsThroughPostgres({
    bus: core.core.bus,
    connectionString: core.connectionString,
    pool: core.postgres.pool,
    instanceId: name,
  });
  await relay.ready;
  const app = await buildServer({ core: core.core, resolveActor: () => core.actor });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return { core, app, relay, base };
}

/** An open WebSocket on an instance's event channel, collecting what it is pushed. */
async function subscribe(to: Instance): Promise<{ events: CoreEvent[]; next: (match: (e: CoreEvent) => boolean) => Promise<CoreEvent> }> {
  const socket = new WebSocket(`${to.base.replace('http', 'ws')}/api/events`, { headers: { origin: to.base } });
  sockets.push(socket);
  const events: CoreEvent[] = [];
  const waiters = new Set<{ match: (e: CoreEvent) => boolean; resolve: (e: CoreEvent) => void }>();
  socket.on('message', (data) => {
    const event = JSON.parse(String(data)) as CoreEvent;
    events.push(event);
    for (const w of waiters)
      if (w.match(event)) {
        waiters.delete(w);
        w.resolve(event);
      }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    events,
    next: (match) =>
      new Promise((resolve) => {
        const seen = events.find(match);
        if (seen) return resolve(seen);
        waiters.add({ match, resolve });
      }),
  };
}

beforeAll(async () => {
  cluster = await startPostgres();
  a = await instance(undefined, 'instance-a');
  b = await instance(a.core.connectionString, 'instance-b'); // the same database: already migrated and seeded
}, 120_000);
afterAll(async () => {
  for (const socket of sockets) socket.close();
  for (const i of [a, b]) {
    await i?.app.close();
    await i?.relay.close();
    await i?.core.dispose();
  }
  await cluster?.stop();
});

describe('several server instances on one PostgreSQL database', () => {
  it("a WebSocket client on B receives the change of a note written through A, and A's own clients get it once", async () => {
    const onB = await subscribe(b);
    const onA = await subscribe(a);
    const response = await fetch(`${a.base}/api/rpc/notes.add`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: { caseId: VOUCHER_CASE, body: '实例 A 写的笔记' } }),
    });
    const written = (await response.json()) as { ok: true; value: { id: string } };
    expect(written.ok).toBe(true);
    const isNote = (e: CoreEvent) => e.event === 'changed' && e.payload.id === written.value.id;
    expect(await onB.next(isNote)).toEqual({
      event: 'changed',
      payload: { entity: 'note', id: written.value.id, customerId: STORY_CUSTOMER_ID },
    });
    await onA.next(isNote);
    // B reads the note A wrote: one database.
    const view = await b.core.call('cases.get', { id: VOUCHER_CASE });
    expect(view.notes.map((n) => n.id)).toContain(written.value.id);

    // A later change through B comes back to A; by then A's own note event would have arrived twice if it were echoed.
    const second = await b.core.call('notes.add', { caseId: VOUCHER_CASE, body: '实例 B 写的笔记' });
    await onA.next((e) => e.event === 'changed' && e.payload.id === second.id);
    expect(onA.events.filter(isNote)).toHaveLength(1);
    expect(onB.events.filter(isNote)).toHaveLength(1);
  });

  it('listens again after its connection is cut, and relays the changes committed from then on', async () => {
    const onB = await subscribe(b);
    const cut = await sql<{ pid: number }>`select pg_terminate_backend(pid) as pid from pg_stat_activity
      where datname = current_database() and query ilike 'listen %'`.execute(a.core.db);
    expect(cut.rows.length).toBe(2); // both instances' listeners
    // Write until one arrives: the change committed while B was reconnecting is lost (a poke, not the data), a later one is not.
    let arrived = false;
    for (let i = 0; i < 50 && !arrived; i++) {
      const note = await a.core.call('notes.add', { caseId: VOUCHER_CASE, body: `断线后的笔记 ${i}` });
      arrived = await Promise.race([
        onB.next((e) => e.event === 'changed' && e.payload.id === note.id).then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), 200)),
      ]);
    }
    expect(arrived).toBe(true);
  });

  it('writes from both instances at once all commit, in one unbroken audit chain', async () => {
    const writes = Array.from({ length: 10 }, (_, i) =>
      (i % 2 ? a : b).core.call('notes.add', { caseId: VOUCHER_CASE, body: `并发写入 ${i}` }),
    );
    expect(new Set((await Promise.all(writes)).map((n) => n.id)).size).toBe(10);
    expect(await a.core.call('audit.verify', {}, { actor: DEMO_AGENTS.supervisor })).toMatchObject({ ok: true });
  });
});
