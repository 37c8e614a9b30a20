import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adoptServerPerson } from '../../../main/core';
import { pick, seededRandom } from '../../../main/core/demo/names';
import { type HeadlessDesk, openHeadlessDesk } from '../../../main/sync';
import type { StandaloneMeasure } from '../measure';
import { postAs, type Session, signIn } from '../server-process';
import { summarize } from '../stats';
import { caseTitle, CATEGORIES, noteBody } from '../synthetic/text';
import type { DeskPerson } from '../team/team-database';
import { withTeamServers } from '../team/team-database';

/** Customers written through the server before the measure; each sample pops one the reading desk has never seen. */
const CUSTOMERS = 300;
/** Per customer: this many cases, each with NOTES_PER_CASE notes and one logged contact (about 30 history rows). */
const CASES_PER_CUSTOMER = 4;
const NOTES_PER_CASE = 5;
/** Phones of the bench customers: 139 and 8 digits from here, a range the demo never uses. */
const PHONE_BASE = 60_000_000;

const log = (line: string) => console.log(line);
const round2 = (x: number) => Math.round(x * 100) / 100;
/** A conduct complaint needs the contact it is about: left out of the generated cases. */
const OPEN_CATEGORIES = CATEGORIES.filter((c) => c !== 'conduct_complaint');

/** A headless desk (its own SQLite file, outbox and sync client) signed in at `url` as `person`. */
async function openDesk(dir: string, url: string, person: DeskPerson, name: string): Promise<HeadlessDesk & { session: Session }> {
  const session = await signIn(url, person.agent.employeeNo, person.password);
  const cookie = `${session.name}=${session.value}`;
  const desk = await openHeadlessDesk({
    file: join(dir, `${name}.db`),
    clientId: `bench-${name}`,
    serverUrl: url,
    actor: person.agent,
    authHeaders: async () => ({ cookie, origin: url }),
    batchSize: 500,
  });
  // As a desktop sign-in does: the person's agent row under the server's id, so their writes have an owner here.
  await adoptServerPerson(desk.opened.core.deps, person.agent);
  return Object.assign(desk, { session });
}

/** Pushes everything in the desk's outbox; throws on a refusal, so the dataset is whole or the run stops. */
async function pushAll(desk: HeadlessDesk): Promise<void> {
  for (;;) {
    const outcome = await desk.sync.pushOnce();
    if (outcome.refused || outcome.error) throw new Error(`The seed push failed: ${JSON.stringify(outcome.refused ?? outcome.error)}`);
    if ((await desk.sync.status()).pending === 0) return;
    if (outcome.sent === 0) throw new Error('The seed push sent nothing and left writes pending.');
  }
}

/**
 * Writes CUSTOMERS customers with their cases, notes and contacts on a writer desk and pushes them,
 * so the server applies them as any desk's writes and its change log holds them. Returns the phones.
 */
async function seedHistory(writer: HeadlessDesk, random: () => number): Promise<string[]> {
  const phones: string[] = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const phone = `139${PHONE_BASE + i}`;
    const customer = await writer.call('customers.create', { name: `压测客户${i}`, phone, tier: 'standard' });
    for (let c = 0; c < CASES_PER_CUSTOMER; c++) {
      const category = pick(random, OPEN_CATEGORIES);
      const created = await writer.call('cases.create', {
        customerId: customer.id,
        title: caseTitle(random, category),
        category,
        priority: 'normal',
      });
      for (let n = 0; n < NOTES_PER_CASE; n++) await writer.call('notes.add', { caseId: created.id, body: noteBody(random, category) });
      await writer.call('contacts.log', { customerId: customer.id, caseIds: [created.id], channel: 'phone', direction: 'inbound' });
    }
    phones.push(phone);
    if (i % 20 === 19) await pushAll(writer);
  }
  await pushAll(writer);
  return phones;
}

/** One timed pop on the desk; throws unless it found the customer with history. */
async function timedPop(desk: HeadlessDesk, phone: string): Promise<{ ms: number; historyItems: number }> {
  const start = performance.now();
  const value = await desk.call('customers.pop', { phone, historyLimit: 30 });
  const ms = performance.now() - start;
  if (!value.found || value.history.items.length === 0)
    throw new Error(`customers.pop ${phone} found ${value.found ? 'no history' : 'nobody'}.`);
  return { ms, historyItems: value.history.items.length };
}

/**
 * Screen pop of a customer the desk does not hold, while online: a headless desk (SQLite core and sync
 * client) signed in at `server/main.ts` on PostgreSQL pops by phone; its replica hook POSTs
 * `/api/sync/customer`, applies the customer's logged history and the pop answers from SQLite. Each
 * sample is that whole call. The same customers popped again (now held, no request) are the comparison.
 */
export const popUncached: StandaloneMeasure = {
  name: 'pop-uncached',
  title: `screen pop of a customer the desk does not hold: fetch from a server on PostgreSQL + apply + answer`,
  target: { stat: 'p95', maxMs: 50, scope: 'desk core + server, loopback HTTP' },
  standalone: true,
  optIn: true,
  run: (settings) =>
    withTeamServers({ people: 2, servers: 1, log }, async (team, [server]) => {
      const dir = mkdtempSync(join(tmpdir(), 'kept-bench-pop-uncached-'));
      try {
        const random = seededRandom(settings.seed);
        const writer = await openDesk(dir, server!.url, team.people[0]!, 'writer');
        const seedStart = performance.now();
        const phones = await seedHistory(writer, random);
        log(`Seeded ${phones.length} customers through the server in ${((performance.now() - seedStart) / 1000).toFixed(1)} s.`);
        await writer.close();

        const reader = await openDesk(dir, server!.url, team.people[1]!, 'reader');
        try {
          // An online desk has pulled the team-wide changes (no customer's) before its first call.
          await reader.sync.pullOnce();
          // The bench's people are seeded on PostgreSQL without a change-log entry, so no pull brings the writer's
          // agent row; a desk knows its teammates (the demo's are in every desk's seed), or their cases would not apply.
          await adoptServerPerson(reader.opened.core.deps, team.people[0]!.agent);
          const warm = Math.min(settings.warmup, 20);
          const measured = phones.slice(warm, warm + Math.min(settings.iterations, phones.length - warm));
          for (const phone of phones.slice(0, warm)) await timedPop(reader, phone);
          const samplesMs: number[] = [];
          let historyItems = 0;
          for (const phone of measured) {
            const pop = await timedPop(reader, phone);
            samplesMs.push(pop.ms);
            historyItems += pop.historyItems;
          }
          const heldMs: number[] = [];
          for (const phone of measured) heldMs.push((await timedPop(reader, phone)).ms);
          const held = summarize(heldMs);
          // The server's part alone: the same request the replica hook makes, answered and parsed, nothing applied.
          const fetchMs: number[] = [];
          for (const phone of measured) {
            const start = performance.now();
            await postAs(server!.url, reader.session, '/api/sync/customer', { clientId: 'bench-reader', phone });
            fetchMs.push(performance.now() - start);
          }
          const fetched = summarize(fetchMs);
          return {
            samplesMs,
            details: {
              customers: CUSTOMERS,
              historyRowsPerCustomer: 1 + CASES_PER_CUSTOMER * (2 + NOTES_PER_CASE),
              meanHistoryItemsShown: round2(historyItems / Math.max(1, samplesMs.length)),
              heldPopP50Ms: round2(held.p50),
              heldPopP95Ms: round2(held.p95),
              fetchOnlyP50Ms: round2(fetched.p50),
              fetchOnlyP95Ms: round2(fetched.p95),
            },
          };
        } finally {
          await reader.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }),
};
