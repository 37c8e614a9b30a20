import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { pick, seededRandom } from '../../../main/core/demo/names';
import type { MeasureResult, RunSettings, StandaloneMeasure } from '../measure';
import type { ServerProcess } from '../server-process';
import { percentile } from '../stats';
import { CATEGORIES, noteBody } from '../synthetic/text';
import { typedLike } from '../typed-phone';
import { reconcile, WriteLedger } from '../team/ledger';
import { ServerTimes } from '../team/server-times';
import { SimDesk } from '../team/sim-desk';
import { storedIds, TEAM_DATABASE, type TeamDatabase, withTeamServers } from '../team/team-database';

/** Of the calls, the share with a search (Ctrl+K) and the share that ends with a promise besides the note. */
const SEARCH_SHARE = 1 / 3;
const PROMISE_SHARE = 1 / 5;
const SERVERS = 2;
const SIGN_IN_CONCURRENCY = 4;
/** Terms an agent types into the search box: surnames and words of the demo's notes and case titles. */
const SEARCH_TERMS = ['王', '李', '宽带', '账单', '退费', '套餐', '投诉', '回电'];

const log = (line: string) => console.log(line);
const round1 = (x: number) => Math.round(x * 10) / 10;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, Math.max(0, ms)));

interface LoadRun {
  push: number[];
  pop: number[];
  search: number[];
  /** The run as a whole: printed with the push measure. */
  details: Record<string, number | string>;
  /** The run in brief: printed with the pop and search measures. */
  brief: Record<string, number | string>;
  missed: string[];
}

/**
 * The load: `desks` simulated desks (default 500), each signed in with the browser sign-in on one of
 * two `server/main.ts` processes sharing one embedded PostgreSQL, alternating. For `seconds` (default 60)
 * each desk takes a call about every `--call-every` seconds (default 30, uniformly 0.5–1.5×; a real agent takes one
 * in several minutes, so this is about ten times their pace): a screen pop by the number as typed
 * (`customers.pop` over /api/rpc), a search for a third of the calls, then a note (and for a fifth
 * also a callback promise) pushed through /api/sync/push as real mutations with the desk's own seq.
 * Afterwards each desk pushes what is left, and every write a push answer acknowledged is looked up on
 * PostgreSQL: one missing is a lost write.
 *
 * One run feeds three measures (push, pop, search): selecting several runs the load once.
 */
let memo: { key: string; run: Promise<LoadRun> } | null = null;

function loadOnce(settings: RunSettings): Promise<LoadRun> {
  const key = JSON.stringify(settings);
  if (memo?.key !== key) memo = { key, run: runLoad(settings) };
  return memo.run;
}

async function runLoad(settings: RunSettings): Promise<LoadRun> {
  return withTeamServers({ people: settings.desks, servers: SERVERS, log }, async (team, servers) => {
    const ledger = new WriteLedger();
    const desks = team.people.map((person, i) => new SimDesk(servers[i % SERVERS]!.url, person, `bench-desk-${i + 1}`, ledger));
    const signInStarted = performance.now();
    for (let at = 0; at < desks.length; at += SIGN_IN_CONCURRENCY)
      await Promise.all(desks.slice(at, at + SIGN_IN_CONCURRENCY).map((desk) => desk.signIn()));
    log(`  ${desks.length} desks signed in on ${SERVERS} servers in ${((performance.now() - signInStarted) / 1000).toFixed(1)} s`);

    const samples = { push: [] as number[], pop: [] as number[], search: [] as number[] };
    const errors = new Map<string, number>();
    const fail = (what: string, error: unknown) => {
      const message = `${what}: ${(error instanceof Error ? error.message : String(error)).slice(0, 120)}`;
      errors.set(message, (errors.get(message) ?? 0) + 1);
    };
    const timed = async (into: number[], what: string, fn: () => Promise<unknown>) => {
      const start = performance.now();
      try {
        await fn();
        into.push(performance.now() - start);
      } catch (error) {
        fail(what, error);
      }
    };

    const callEveryMs = settings.callEverySeconds * 1000;
    const cpuBefore = cpuSeconds(servers);
    const pgCpuBefore = postgresCpuSeconds();
    const generatorBefore = process.cpuUsage();
    const startedAt = Date.now();
    const started = performance.now();
    const deadline = started + settings.seconds * 1000;
    const work = async (desk: SimDesk, index: number) => {
      const random = seededRandom(settings.seed * 100_003 + index);
      await sleep(random() * callEveryMs); // desks start spread over one call interval
      for (let call = 0; performance.now() < deadline; call++) {
        const callStart = performance.now();
        const party = pick(random, team.parties);
        await timed(samples.pop, 'pop', () => desk.pop(party, typedLike(party.phone, index + call)));
        if (random() < SEARCH_SHARE) await timed(samples.search, 'search', () => desk.search(pick(random, SEARCH_TERMS)));
        desk.note(party, noteBody(random, pick(random, CATEGORIES)));
        if (random() < PROMISE_SHARE) desk.promise(party, '明天上午回电告知处理结果');
        await timed(samples.push, 'push', () => desk.push());
        await sleep(Math.min(deadline, callStart + callEveryMs * (0.5 + random())) - performance.now());
      }
    };
    await Promise.all(desks.map(work));
    const serverTimes = new ServerTimes(startedAt, Date.now());
    for (const server of servers) serverTimes.read(server.output());
    const elapsed = (performance.now() - started) / 1000;
    const generatorCpu = process.cpuUsage(generatorBefore);
    const serverCpu = cpuSeconds(servers) - cpuBefore;
    const pgCpu = postgresCpuSeconds() - pgCpuBefore;
    const load = loadavg()[0] ?? 0;

    // Whatever a failed push left behind is sent now (not timed), as a desk does when the server answers again.
    for (const desk of desks)
      for (let attempt = 0; desk.unsent > 0 && attempt < 3; attempt++)
        await desk.push().catch((error: unknown) => fail('final push', error));
    const unsent = desks.reduce((sum, desk) => sum + desk.unsent, 0);

    const writes = await countWrites(team, ledger, desks);
    const errorCount = [...errors.values()].reduce((sum, n) => sum + n, 0);
    const missed = [
      ...(errorCount > 0 ? [`${errorCount} errors`] : []),
      ...(writes.lost > 0 ? [`${writes.lost} lost writes`] : []),
      ...(unsent > 0 ? [`${unsent} writes never acknowledged`] : []),
    ];
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const details: Record<string, number | string> = {
      desks: desks.length,
      servers: SERVERS,
      seconds: round1(elapsed),
      pops: samples.pop.length,
      pushes: samples.push.length,
      searches: samples.search.length,
      requestsPerSecond: round1((samples.pop.length + samples.push.length + samples.search.length) / elapsed),
      errors: errorCount,
      ...(errorCount > 0
        ? {
            firstErrors: [...errors.entries()]
              .slice(0, 3)
              .map(([m, n]) => `${n}× ${m}`)
              .join(' | '),
          }
        : {}),
      acknowledgedWrites: writes.acknowledged,
      lostWrites: writes.lost,
      unacknowledgedWrites: writes.unacknowledged,
      unsentWrites: unsent,
      popP95: round1(percentile(sorted(samples.pop), 95)),
      pushP99: round1(percentile(sorted(samples.push), 99)),
      // The same requests timed inside the servers (request log): the rest is network, event loops and the run queue.
      serverPopP50: round1(serverTimes.percentile('customers.pop', 50)),
      serverPopP95: round1(serverTimes.percentile('customers.pop', 95)),
      serverPushP50: round1(serverTimes.percentile('/api/sync/push', 50)),
      serverPushP99: round1(serverTimes.percentile('/api/sync/push', 99)),
      serverSearchP95: round1(serverTimes.percentile('search.global', 95)),
      callEverySeconds: settings.callEverySeconds,
      serverCpuPercent: Math.round((serverCpu / elapsed) * 100),
      postgresCpuPercent: Math.round((pgCpu / elapsed) * 100),
      generatorCpuPercent: Math.round(((generatorCpu.user + generatorCpu.system) / 1e6 / elapsed) * 100),
      loadAverage: round1(load),
    };
    log(`  ${JSON.stringify(details)}`);
    const brief = { desks: desks.length, servers: SERVERS, seconds: round1(elapsed), errors: errorCount, lostWrites: writes.lost };
    return { ...samples, details, brief, missed };
  });
}

/** Every acknowledged note and promise looked up on PostgreSQL, and every row the desks' people own counted. */
async function countWrites(team: TeamDatabase, ledger: WriteLedger, desks: SimDesk[]) {
  const people = desks.map((desk) => desk.person.agent.id);
  const notes = ledger.acknowledgedRows('notes');
  const promises = ledger.acknowledgedRows('commitments');
  const ledgerRows = ledger.acknowledgedMutations();
  const [storedNotes, storedPromises, storedMutations] = await Promise.all([
    storedIds(team, 'notes', notes),
    storedIds(team, 'commitments', promises),
    storedIds(team, 'applied_mutations', ledgerRows),
  ]);
  const owned = await sql<{ notes: string; promises: string }>`
    select (select count(*) from notes where author_id = any(${people}::text[])) as notes,
           (select count(*) from commitments where created_by = any(${people}::text[])) as promises`.execute(team.setup.db);
  const a = reconcile(notes, storedNotes, Number(owned.rows[0]?.notes ?? 0));
  const b = reconcile(promises, storedPromises, Number(owned.rows[0]?.promises ?? 0));
  const missingMutations = ledgerRows.filter((id) => !storedMutations.has(id)).length;
  return {
    acknowledged: a.acknowledged + b.acknowledged,
    lost: a.lost + b.lost + missingMutations,
    unacknowledged: a.unacknowledged + b.unacknowledged,
  };
}

/** CPU seconds a process has used so far (Linux /proc; 0 elsewhere or once it is gone). */
function processCpuSeconds(pid: number | string | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime (fields 14 and 15 of stat), in USER_HZ
  } catch {
    return 0;
  }
}

function cpuSeconds(servers: ServerProcess[]): number {
  return servers.reduce((sum, server) => sum + processCpuSeconds(server.child.pid), 0);
}

/** CPU seconds of the PostgreSQL backends serving the bench database (`postgres: … kept_bench …`); connections that ended are not counted. */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`postgres: postgres ${TEAM_DATABASE} `)) total += processCpuSeconds(pid);
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

function loadMeasure(
  name: string,
  title: string,
  target: StandaloneMeasure['target'],
  samples: (run: LoadRun) => number[],
  full = false,
): StandaloneMeasure {
  return {
    name,
    title,
    ...(target ? { target } : {}),
    standalone: true,
    optIn: true,
    async run(settings): Promise<MeasureResult> {
      const run = await loadOnce(settings);
      return { samplesMs: samples(run), details: full ? run.details : run.brief, missed: run.missed };
    },
  };
}

const scope = 'N desks, two servers, one PostgreSQL';
export const syncLoadPush = loadMeasure(
  'sync-load-push',
  'load: a push (a note, sometimes a promise) through /api/sync/push',
  { stat: 'p99', maxMs: 250, scope },
  (run) => run.push,
  true,
);
export const syncLoadPop = loadMeasure(
  'sync-load-pop',
  'load: a screen pop through the server (customers.pop over /api/rpc)',
  { stat: 'p95', maxMs: 50, scope },
  (run) => run.pop,
);
export const syncLoadSearch = loadMeasure('sync-load-search', 'load: search.global over /api/rpc', undefined, (run) => run.search);
