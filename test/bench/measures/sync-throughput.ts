import { pick, seededRandom } from '../../../main/core/demo/names';
import type { StandaloneMeasure } from '../measure';
import { CATEGORIES, noteBody } from '../synthetic/text';
import { WriteLedger } from '../team/ledger';
import { SimDesk } from '../team/sim-desk';
import { withTeamServers } from '../team/team-database';

/** Mutations per push in the throughput measure: a desk back online with a backlog sends batches this size or larger. */
const PUSH_BATCH = 100;
const PUSH_BATCHES = 40;
/** Notes written before the pull measure, spread over the demo's open cases. */
const PULL_CHANGES = 10_000;
const PULL_PAGE = 1000;
const PULL_ROUNDS = 5;

const log = (line: string) => console.log(line);
const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Push throughput: one desk signed in on `server/main.ts` over PostgreSQL (embedded, loopback HTTP)
 * pushes batches of PUSH_BATCH notes, one batch after the other. Each sample is one batch's round
 * trip; `mutationsPerSecond` is what the server applied per second of waiting.
 */
export const syncPush: StandaloneMeasure = {
  name: 'sync-push',
  title: `sync push: batches of ${PUSH_BATCH} notes to a server on PostgreSQL (HTTP on loopback)`,
  standalone: true,
  optIn: true,
  run: (settings) =>
    withTeamServers({ people: 1, servers: 1, log }, async (team, [server]) => {
      const random = seededRandom(settings.seed);
      const desk = new SimDesk(server!.url, team.people[0]!, 'bench-push', new WriteLedger());
      await desk.signIn();
      const pushBatch = async () => {
        for (let i = 0; i < PUSH_BATCH; i++) desk.note(pick(random, team.parties), noteBody(random, pick(random, CATEGORIES)));
        const response = await desk.push();
        if (response?.applied.length !== PUSH_BATCH) throw new Error(`A push applied ${response?.applied.length} of ${PUSH_BATCH}.`);
      };
      for (let i = 0; i < Math.min(settings.warmup, 5); i++) await pushBatch();
      const samplesMs: number[] = [];
      for (let i = 0; i < Math.min(settings.iterations, PUSH_BATCHES); i++) {
        const start = performance.now();
        await pushBatch();
        samplesMs.push(performance.now() - start);
      }
      const seconds = samplesMs.reduce((sum, x) => sum + x, 0) / 1000;
      return {
        samplesMs,
        details: { batchSize: PUSH_BATCH, mutationsPerSecond: Math.round((samplesMs.length * PUSH_BATCH) / seconds) },
      };
    }),
};

/**
 * Pull throughput: PULL_CHANGES notes are pushed first (unmeasured), then a second desk that holds all
 * those customers pulls the change log from cursor 0 in pages of PULL_PAGE, PULL_ROUNDS times. Each
 * sample is one page; `changesPerSecond` is changes received per second of waiting.
 */
export const syncPull: StandaloneMeasure = {
  name: 'sync-pull',
  title: `sync pull: pages of ${PULL_PAGE} changes from a server on PostgreSQL (HTTP on loopback)`,
  standalone: true,
  optIn: true,
  run: (settings) =>
    withTeamServers({ people: 2, servers: 1, log }, async (team, [server]) => {
      const random = seededRandom(settings.seed);
      const writer = new SimDesk(server!.url, team.people[0]!, 'bench-pull-writer', new WriteLedger());
      await writer.signIn();
      for (let written = 0; written < PULL_CHANGES; written += 500) {
        for (let i = 0; i < 500; i++) writer.note(pick(random, team.parties), noteBody(random, pick(random, CATEGORIES)));
        await writer.push();
      }
      const reader = new SimDesk(server!.url, team.people[1]!, 'bench-pull-reader', new WriteLedger());
      await reader.signIn();
      const customerIds = [...new Set(team.parties.map((party) => party.customerId))];
      const samplesMs: number[] = [];
      let changes = 0;
      for (let round = 0; round < PULL_ROUNDS; round++) {
        let cursor = 0;
        let received = 0;
        for (let more = true; more;) {
          const start = performance.now();
          const page = await reader.pull(cursor, customerIds, PULL_PAGE);
          if (round > 0 || settings.warmup === 0) samplesMs.push(performance.now() - start);
          received += page.changes.length;
          cursor = page.cursor;
          more = page.more;
        }
        // Every note pushed is a change of one of these customers (the demo seed itself was not logged).
        if (received < PULL_CHANGES) throw new Error(`A full pull returned ${received} changes, fewer than the ${PULL_CHANGES} pushed.`);
        if (round > 0 || settings.warmup === 0) changes += received;
      }
      const seconds = samplesMs.reduce((sum, x) => sum + x, 0) / 1000;
      return {
        samplesMs,
        details: {
          pageLimit: PULL_PAGE,
          customersHeld: customerIds.length,
          changesPerRound: round1(changes / Math.max(1, PULL_ROUNDS - (settings.warmup === 0 ? 0 : 1))),
          changesPerSecond: Math.round(changes / seconds),
        },
      };
    }),
};
