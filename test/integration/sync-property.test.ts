import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, DEMO_AGENTS, DESK_AGENT, STORY_CUSTOMER_ID, STORY_VOUCHER_CASE_ID } from '../../main/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../main/db';
import { type HeadlessDesk, openHeadlessDesk } from '../../main/sync';
import { buildServer } from '../../server/app';
import { openTempPostgresCore, startPostgres, type TestPostgres } from '../fixtures/embedded-postgres';
import { openTempCore } from '../fixtures/temp-core';

const PEOPLE = [DESK_AGENT, DEMO_AGENTS.wangFang, DEMO_AGENTS.liQiang];

type Step =
  | { kind: 'write'; desk: number }
  | { kind: 'push'; desk: number }
  | { kind: 'pull'; desk: number }
  | { kind: 'down'; desk: number }
  | { kind: 'up'; desk: number }
  /** The next push reaches the server and commits, but its answer is lost on the way back. */
  | { kind: 'loseReply'; desk: number };

const step = (desks: number): fc.Arbitrary<Step> =>
  fc.record({
    kind: fc.constantFrom<Step['kind']>('write', 'write', 'write', 'push', 'pull', 'down', 'up', 'loseReply'),
    desk: fc.integer({ min: 0, max: desks - 1 }),
  });

const propertyNotes = async (db: Kysely<DB>) =>
  (await db.selectFrom('notes').select('id').where('body', 'like', 'prop %').orderBy('id').execute()).map((r) => r.id);

/** A fresh team server's core for one run; disposed at its end. */
type ServerCore = () => Promise<{ core: Core; db: Kysely<DB>; dispose(): Promise<void> }>;

async function run(openServer: ServerCore, deskCount: number, steps: Step[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kept-sync-prop-'));
  const server = await openServer();
  let caller = PEOPLE[0]!;
  const app = await buildServer({ core: server.core, resolveActor: () => caller });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  let now = Date.parse('2026-11-29T10:00:00Z');
  const down = new Array<boolean>(deskCount).fill(false);
  const loseReply = new Array<boolean>(deskCount).fill(false);
  const desks: HeadlessDesk[] = [];
  try {
    for (let d = 0; d < deskCount; d++) {
      const agent = PEOPLE[d]!;
      desks.push(
        await openHeadlessDesk({
          file: join(dir, `d${d}.db`),
          clientId: `desk-${d}`,
          serverUrl: base,
          actor: agent,
          clock: () => now,
          random: () => 0.5,
          batchSize: 3,
          fetch: async (input, init) => {
            if (down[d]) throw new TypeError('fetch failed');
            caller = agent;
            const res = await fetch(input, init);
            if (loseReply[d]) {
              loseReply[d] = false;
              await res.arrayBuffer();
              throw new TypeError('socket hang up');
            }
            return res;
          },
        }),
      );
      // Every desk has the customer open: its pulls bring that customer's changes.
      await desks[d]!.call('customers.pop', { customerId: STORY_CUSTOMER_ID });
    }
    let written = 0;
    for (const s of steps) {
      const desk = desks[s.desk]!;
      if (s.kind === 'write') await desk.call('notes.add', { caseId: STORY_VOUCHER_CASE_ID, body: `prop ${written++}` });
      else if (s.kind === 'push') await desk.sync.pushOnce();
      else if (s.kind === 'pull') await desk.sync.pullOnce();
      else if (s.kind === 'down') down[s.desk] = true;
      else if (s.kind === 'up') down[s.desk] = false;
      else loseReply[s.desk] = true;
      now += 1000;
    }
    // Everyone reconnects: every desk pushes (once its back-off is over), then every desk pulls.
    down.fill(false);
    loseReply.fill(false);
    now += 3_600_000;
    for (const desk of desks) {
      const outcome = await desk.sync.pushOnce();
      expect(outcome.refused).toBeUndefined();
      expect(outcome.error).toBeUndefined();
      expect(await desk.sync.status()).toMatchObject({ pending: 0 });
    }
    for (const desk of desks) {
      expect((await desk.sync.pullOnce()).failed).toBe(0);
      expect(await desk.sync.status()).toEqual({ online: true, pending: 0, lastError: null });
    }

    const onServer = await propertyNotes(server.db);
    expect(onServer).toHaveLength(written);
    for (const desk of desks) expect(await propertyNotes(desk.opened.db)).toEqual(onServer);
    // Exactly once: one ledger row per note on the server, numbered 1..n per desk.
    const ledger = await server.db
      .selectFrom('applied_mutations')
      .select(['client_id', 'seq'])
      .where('client_id', 'like', 'desk-%')
      .execute();
    expect(ledger).toHaveLength(written);
    for (let d = 0; d < deskCount; d++) {
      const seqs = ledger
        .filter((r) => r.client_id === `desk-${d}`)
        .map((r) => r.seq)
        .sort((a, b) => a - b);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
  } finally {
    await app.close();
    for (const desk of desks) await desk.close();
    await server.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

const interleavings = (maxLength: number) =>
  fc.integer({ min: 2, max: 3 }).chain((n) => fc.tuple(fc.constant(n), fc.array(step(n), { minLength: 5, maxLength })));

describe('sync property', () => {
  it('any interleaving of writes, pushes, pulls, lost replies, disconnects and reconnects ends with the same notes everywhere', async () => {
    const openServer: ServerCore = () => openTempCore({ outbox: false });
    await fc.assert(
      fc.asyncProperty(interleavings(25), ([n, steps]) => run(openServer, n, steps)),
      { numRuns: 8 },
    );
  }, 240_000);
});

describe('sync property on PostgreSQL', () => {
  let cluster: TestPostgres;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  // Bounded (fewer, shorter runs, each on a fresh database) so it stays under a minute on a busy machine.
  it('the same convergence with the team server on PostgreSQL', async () => {
    const openServer: ServerCore = () => openTempPostgresCore(cluster);
    await fc.assert(
      fc.asyncProperty(interleavings(15), ([n, steps]) => run(openServer, n, steps)),
      { numRuns: 4 },
    );
  }, 120_000);
});
