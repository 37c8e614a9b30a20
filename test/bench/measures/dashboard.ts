import { seededRandom } from '../../../main/core/demo/names';
import type { Agent, DashboardRange, ProcedureName, Role } from '../../../shared';
import type { BenchContext, Measure } from '../measure';
import { HISTORY_END } from '../synthetic/generate';

const DAY = 86_400_000;
/** A chart is a supervisor's page load, not a screen pop: fewer samples keep the run short. */
const MAX_ITERATIONS = 200;
const MAX_WARMUP = 10;
const WINDOW_DAYS = 30;

/** A supervisor of the dataset: the dashboard refuses agents. */
function supervisor(ctx: BenchContext): Agent {
  const row = ctx.sqlite.raw
    .prepare<[], { id: string; employee_no: string; name: string; role: Role }>(
      `select id, employee_no, name, role from agents where role = 'supervisor' order by employee_no limit 1`,
    )
    .get();
  if (!row) throw new Error('The dataset has no supervisor; rebuild it with --rebuild.');
  return { id: row.id, employeeNo: row.employee_no, name: row.name, role: row.role };
}

/** 30-day windows ending on a seeded day of the last half year of the history. */
function windows(count: number, seed: number): DashboardRange[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const end = HISTORY_END - Math.floor(random() * 180) * DAY;
    return { from: new Date(end - WINDOW_DAYS * DAY).toISOString(), to: new Date(end).toISOString() };
  });
}

function chart(name: string, procedure: ProcedureName, title: string): Measure {
  return {
    name,
    title,
    target: { stat: 'p95', maxMs: 100, scope: 'per chart, 30-day window, at 100k customers / 1M contacts' },
    async run(ctx) {
      const actor = supervisor(ctx);
      const call = async (range: DashboardRange) => {
        const envelope = await ctx.core.call({ procedure, input: range }, { actor });
        if (!envelope.ok) throw new Error(`${procedure} failed: ${envelope.error.code}: ${envelope.error.message}`);
        return (envelope.value as { rows: unknown[] }).rows.length;
      };
      for (const range of windows(Math.min(ctx.warmup, MAX_WARMUP), ctx.seed + 2)) await call(range);
      const samplesMs: number[] = [];
      let rows = 0;
      const cpuBefore = process.cpuUsage();
      const sample = windows(Math.min(ctx.iterations, MAX_ITERATIONS), ctx.seed);
      for (const range of sample) {
        const start = performance.now();
        rows += await call(range);
        samplesMs.push(performance.now() - start);
      }
      const cpu = process.cpuUsage(cpuBefore);
      return {
        samplesMs,
        details: {
          meanRows: Math.round((rows / sample.length) * 10) / 10,
          cpuMsMean: Math.round(((cpu.user + cpu.system) / 1000 / sample.length) * 1000) / 1000,
        },
      };
    },
  };
}

export const dashboardPromisesKept = chart('dashboard-promises', 'dashboard.promisesKept', 'dashboard.promisesKept (per day, 30 days)');
export const dashboardBrokenByAgent = chart('dashboard-broken', 'dashboard.brokenByAgent', 'dashboard.brokenByAgent (30 days)');
export const dashboardSla = chart('dashboard-sla', 'dashboard.slaByCategory', 'dashboard.slaByCategory (targets from the sla table)');
export const dashboardRepeat = chart('dashboard-repeat', 'dashboard.repeatContacts', 'dashboard.repeatContacts (per day, 7-day look-back)');
export const dashboardCsat = chart('dashboard-csat', 'dashboard.csatTrend', 'dashboard.csatTrend (per day)');
export const dashboardEscalations = chart('dashboard-escalations', 'dashboard.openEscalations', 'dashboard.openEscalations (level × age)');
