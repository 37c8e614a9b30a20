import { type Kysely, type RawBuilder, sql } from 'kysely';
import {
  AppError,
  type CaseCategory,
  CaseCategory as Categories,
  CasePriority,
  type DashboardChart,
  type DashboardRange,
  Tier,
} from '../../../shared';
import { type DB, isSqlite } from '../../db';
import type { Policy } from '../../policy';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Days are Beijing days: customers and supervisors count them in Beijing time. */
const BEIJING_OFFSET_HOURS = 8;
/** A repeat contact: an inbound contact from a customer who had called in within this many days before. */
export const REPEAT_WINDOW_DAYS = 7;

/** The filter as the queries use it; `agents: 'none'` matches nothing (a team, until accounts carry teams). */
export interface Filter {
  from: string;
  to: string;
  agents: readonly string[] | null | 'none';
}

export function toFilter(range: DashboardRange): Filter {
  return {
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
    agents: range.team !== undefined ? 'none' : (range.agentIds ?? null),
  };
}

function agentClause(column: string, agents: Filter['agents']): RawBuilder<unknown> {
  if (agents === null) return sql``;
  if (agents === 'none') return sql` and 0`;
  return sql` and ${sql.ref(column)} in (${sql.join([...agents])})`;
}

/** The Beijing calendar day of an ISO time column, as YYYY-MM-DD. */
function day(db: Kysely<DB>, column: string): RawBuilder<string> {
  return isSqlite(db as Kysely<unknown>)
    ? sql<string>`substr(datetime(${sql.ref(column)}, '+${sql.raw(String(BEIJING_OFFSET_HOURS))} hours'), 1, 10)`
    : sql<string>`to_char(${sql.ref(column)}::timestamptz at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
}

/** Hours from one ISO time column to another. */
function hoursBetween(db: Kysely<DB>, start: string, end: string): RawBuilder<number> {
  return isSqlite(db as Kysely<unknown>)
    ? sql<number>`(julianday(${sql.ref(end)}) - julianday(${sql.ref(start)})) * 24`
    : sql<number>`extract(epoch from (${sql.ref(end)}::timestamptz - ${sql.ref(start)}::timestamptz)) / 3600`;
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);
const n = (v: unknown) => Number(v ?? 0);

// ---------------------------------------------------------------- promises kept

export async function promisesKept(db: Kysely<DB>, f: Filter) {
  const rows = await sql<{ day: string; kept: number; settled: number }>`
    select ${day(db, 'resolved_at')} as day, sum(case when status = 'kept' then 1 else 0 end) as kept, count(*) as settled
    from commitments
    where resolved_at >= ${f.from} and resolved_at < ${f.to} and status in ('kept', 'broken')${agentClause('owner_id', f.agents)}
    group by 1 order by 1`.execute(db);
  return rows.rows.map((r) => ({ key: r.day, day: r.day, kept: n(r.kept), settled: n(r.settled), pct: pct(n(r.kept), n(r.settled)) }));
}

// ---------------------------------------------------------------- broken promises by agent

export async function brokenByAgent(db: Kysely<DB>, f: Filter) {
  const rows = await sql<{ owner_id: string; broken: number; name: string | null; employee_no: string | null }>`
    select b.owner_id, b.broken, agents.name, agents.employee_no from (
      select owner_id, count(*) as broken from commitments
      where resolved_at >= ${f.from} and resolved_at < ${f.to} and status = 'broken'${agentClause('owner_id', f.agents)}
      group by owner_id
    ) b left join agents on agents.id = b.owner_id
    order by b.broken desc, b.owner_id limit 100`.execute(db);
  return rows.rows.map((r) => ({
    key: r.owner_id,
    agent: { id: r.owner_id, name: r.name ?? '?', employeeNo: r.employee_no ?? '?' },
    broken: n(r.broken),
  }));
}

// ---------------------------------------------------------------- SLA compliance by category

interface Target {
  category: string;
  priority: string;
  tier: string;
  complaint: number;
  hours: number;
}

const targetCache = new WeakMap<Policy, Promise<Target[]>>();

/**
 * The resolution target of every combination the sla table reads (category × priority × tier ×
 * complaint), evaluated once per loaded bundle. A complaint here is a conduct complaint or a case at
 * level 2 or above (the regulator-mention fact needs the notes and is not counted).
 */
export function resolutionTargets(policy: Policy): Promise<Target[]> {
  let targets = targetCache.get(policy);
  if (!targets) {
    const combos = Categories.options.flatMap((category) =>
      CasePriority.options.flatMap((priority) =>
        Tier.options.flatMap((tier) => [0, 1].map((complaint) => ({ category, priority, tier, complaint }))),
      ),
    );
    targets = Promise.all(
      combos.map(async (c) => {
        const answer = await policy.evaluate<{ resolutionHours: number }>('sla', { ...c, complaint: c.complaint === 1 });
        return { ...c, hours: answer.result.resolutionHours };
      }),
    );
    targetCache.set(policy, targets);
  }
  return targets;
}

/**
 * Every case resolved in the range, with what decides its target and how long it took (hours). The
 * customer's tier is the copy on the case (0016, kept equal by triggers), so the whole read is one
 * range of `cases_resolved`. The ids are read only for the cases behind a bar.
 */
async function resolvedCases(db: Kysely<DB>, f: Filter, category: string) {
  const rows = await sql<{ id: string; category: string; priority: string; tier: string; complaint: number; took: number }>`
    select c.id, c.category, c.priority, c.customer_tier as tier,
      case when c.category = 'conduct_complaint' or c.level >= 2 then 1 else 0 end as complaint,
      ${hoursBetween(db, 'c.opened_at', 'c.resolved_at')} as took
    from cases c
    where c.resolved_at >= ${f.from} and c.resolved_at < ${f.to} and c.category = ${category}${agentClause('c.resolved_by', f.agents)}`.execute(
    db,
  );
  return rows.rows;
}

/** Each resolved case's target from the sla table (a lookup in the evaluated combinations), and by how much it missed. */
async function withTargets(policy: Policy, rows: Awaited<ReturnType<typeof resolvedCases>>) {
  const targets = new Map((await resolutionTargets(policy)).map((t) => [`${t.category}|${t.priority}|${t.tier}|${t.complaint}`, t.hours]));
  return rows.map((r) => {
    const target = targets.get(`${r.category}|${r.priority}|${r.tier}|${n(r.complaint)}`) ?? Number.POSITIVE_INFINITY;
    return { id: r.id, category: r.category, over: Number(r.took) - target };
  });
}

/** Position of a column's value in an enum's options, or null for a value the enum does not know. */
function position(column: string, options: readonly string[]): RawBuilder<number | null> {
  return sql`(case ${sql.ref(column)} ${sql.join(
    options.map((o, i) => sql`when ${sql.lit(o)} then ${sql.lit(i)}`),
    sql` `,
  )} end)`;
}

/** A target that is not a number never holds (`took - NaN` is never ≤ 0): a bound no case is within. */
const NEVER_WITHIN = -1e308;
const TARGET_WIDTH = 24;

/**
 * The sla table's answer for each case as an SQL expression: the combination's index, worked out
 * from the case's own columns, looks up its resolution hours in one parameter — a fixed-width byte
 * string on SQLite (`substr` on a blob is a jump, not a walk), an array on PostgreSQL. A value outside
 * the enums finds no combination (null): like a missing target in `withTargets`, it is within.
 */
async function targetOfCase(db: Kysely<DB>, policy: Policy): Promise<RawBuilder<number | null>> {
  const hours = new Map((await resolutionTargets(policy)).map((t) => [`${t.category}|${t.priority}|${t.tier}|${t.complaint}`, t.hours]));
  const table = Categories.options.flatMap((category) =>
    CasePriority.options.flatMap((priority) =>
      Tier.options.flatMap((tier) =>
        [0, 1].map((complaint) => {
          const h = hours.get(`${category}|${priority}|${tier}|${complaint}`);
          return typeof h === 'number' && !Number.isNaN(h) ? h : NEVER_WITHIN;
        }),
      ),
    ),
  );
  const index = sql<number | null>`(((${position('c.category', Categories.options)} * ${sql.lit(CasePriority.options.length)}
    + ${position('c.priority', CasePriority.options)}) * ${sql.lit(Tier.options.length)}
    + ${position('c.customer_tier', Tier.options)}) * 2
    + case when c.category = 'conduct_complaint' or c.level >= 2 then 1 else 0 end)`;
  if (isSqlite(db as Kysely<unknown>)) {
    const bytes = Buffer.from(table.map((h) => String(h).padStart(TARGET_WIDTH, ' ')).join(''), 'latin1');
    return sql`cast(substr(${bytes}, ${index} * ${sql.lit(TARGET_WIDTH)} + 1, ${sql.lit(TARGET_WIDTH)}) as real)`;
  }
  return sql`(${table}::float8[])[${index} + 1]`;
}

/**
 * Resolved cases per category and how many met their target, counted in the database: one range
 * of `cases_resolved` (which carries the customer's tier, 0016), no row per case sent back.
 * The same comparison as `withTargets` (took ≤ target), so the answer is the same.
 */
export async function slaByCategory(db: Kysely<DB>, policy: Policy, f: Filter) {
  const target = await targetOfCase(db, policy);
  const took = hoursBetween(db, 'c.opened_at', 'c.resolved_at');
  const rows = await sql<{ category: string; resolved: number; within: number }>`
    select c.category, count(*) as resolved,
      sum(case when ${target} is null or ${took} <= ${target} then 1 else 0 end) as within
    from cases c
    where c.resolved_at >= ${f.from} and c.resolved_at < ${f.to}${agentClause('c.resolved_by', f.agents)}
    group by c.category`.execute(db);
  return rows.rows
    .sort((a, b) => (a.category < b.category ? -1 : a.category > b.category ? 1 : 0))
    .map((r) => ({
      key: r.category,
      category: r.category as CaseCategory,
      resolved: n(r.resolved),
      withinSla: n(r.within),
      pct: pct(n(r.within), n(r.resolved)),
    }));
}

// ---------------------------------------------------------------- repeat contacts

/** Per Beijing day in [from, to): inbound contacts and repeats, read from the contacts themselves. */
async function countedContacts(db: Kysely<DB>, from: string, to: string, agents: Filter['agents']) {
  const rows = await sql<{ day: string; inbound: number; repeats: number }>`
    select ${day(db, 'started_at')} as day, count(*) as inbound, sum(case when is_repeat = 1 then 1 else 0 end) as repeats
    from contacts
    where started_at >= ${from} and started_at < ${to} and direction = 'inbound'${agentClause('agent_id', agents)}
    group by 1 order by 1`.execute(db);
  return rows.rows;
}

/** Per Beijing day from `fromDay` up to (not including) `toDay`: the same counts, from the day counters of 0016. */
async function dayCounters(db: Kysely<DB>, fromDay: string, toDay: string, agents: Filter['agents']) {
  const rows = await sql<{ day: string; inbound: number; repeats: number }>`
    select day, sum(inbound) as inbound, sum(repeats) as repeats
    from contact_days
    where day >= ${fromDay} and day < ${toDay}${agentClause('agent_id', agents)}
    group by day having sum(inbound) > 0 order by day`.execute(db);
  return rows.rows;
}

const BEIJING_OFFSET = BEIJING_OFFSET_HOURS * HOUR;
/** The first Beijing midnight at or after `ms`, and the last at or before it. */
const midnightFrom = (ms: number) => Math.ceil((ms + BEIJING_OFFSET) / DAY) * DAY - BEIJING_OFFSET;
const midnightTo = (ms: number) => Math.floor((ms + BEIJING_OFFSET) / DAY) * DAY - BEIJING_OFFSET;
const dayOfMidnight = (ms: number) => new Date(ms + BEIJING_OFFSET).toISOString().slice(0, 10);
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Inbound contacts and repeats per Beijing day. The whole days of the range come from the day
 * counters; a part-day at either end (a range need not start or end at midnight) is counted from
 * the contacts, so the answer is the one counting every contact would give.
 */
export async function repeatContacts(db: Kysely<DB>, f: Filter) {
  const from = Date.parse(f.from);
  const to = Date.parse(f.to);
  const first = midnightFrom(from);
  const last = midnightTo(to);
  const rows =
    first >= last
      ? await countedContacts(db, f.from, f.to, f.agents)
      : [
          ...(from < first ? await countedContacts(db, f.from, iso(first), f.agents) : []),
          ...(await dayCounters(db, dayOfMidnight(first), dayOfMidnight(last), f.agents)),
          ...(last < to ? await countedContacts(db, iso(last), f.to, f.agents) : []),
        ];
  return rows.map((r) => ({
    key: r.day,
    day: r.day,
    inbound: n(r.inbound),
    repeats: n(r.repeats),
    pct: pct(n(r.repeats), n(r.inbound)),
  }));
}

// ---------------------------------------------------------------- CSAT

export async function csatTrend(db: Kysely<DB>, f: Filter) {
  const rows = await sql<{ day: string; answers: number; mean: number | null; low: number }>`
    select ${day(db, 'answered_at')} as day, count(*) as answers, avg(score) as mean, sum(case when score <= 2 then 1 else 0 end) as low
    from surveys
    where answered_at >= ${f.from} and answered_at < ${f.to}${agentClause('agent_id', f.agents)}
    group by 1 order by 1`.execute(db);
  return rows.rows.map((r) => ({
    key: r.day,
    day: r.day,
    answers: n(r.answers),
    mean: r.mean === null ? null : Math.round(Number(r.mean) * 100) / 100,
    low: n(r.low),
  }));
}

// ---------------------------------------------------------------- open escalations

export const AGE_BUCKETS = [
  { key: 'lt1d', minDays: 0, maxDays: 1 },
  { key: '1to3d', minDays: 1, maxDays: 3 },
  { key: '3to7d', minDays: 3, maxDays: 7 },
  { key: 'gt7d', minDays: 7, maxDays: null },
] as const;
type AgeKey = (typeof AGE_BUCKETS)[number]['key'];

function bucketWindow(now: Date, key: AgeKey): { after: string | null; before: string | null } {
  const b = AGE_BUCKETS.find((x) => x.key === key)!;
  return {
    before: b.minDays === 0 ? null : new Date(now.getTime() - b.minDays * DAY).toISOString(),
    after: b.maxDays === null ? null : new Date(now.getTime() - b.maxDays * DAY).toISOString(),
  };
}

export async function openEscalations(db: Kysely<DB>, f: Filter, now: Date) {
  const edge = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const rows = await sql<{ level: number; age: AgeKey; open: number }>`
    select level, case
        when created_at > ${edge(1)} then 'lt1d'
        when created_at > ${edge(3)} then '1to3d'
        when created_at > ${edge(7)} then '3to7d'
        else 'gt7d' end as age,
      count(*) as open
    from escalations
    where status in ('open', 'accepted', 'escalated')${agentClause('raised_by', f.agents)}
    group by 1, 2 order by 1, 2`.execute(db);
  const order = AGE_BUCKETS.map((b) => b.key as string);
  return rows.rows
    .map((r) => ({ key: `${r.level}:${r.age}`, level: n(r.level), age: r.age, open: n(r.open) }))
    .sort((a, b) => a.level - b.level || order.indexOf(a.age) - order.indexOf(b.age));
}

// ---------------------------------------------------------------- the cases behind a bar

function dayWindow(key: string, f: Filter): { from: string; to: string } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(key) || Number.isNaN(Date.parse(`${key}T00:00:00+08:00`)))
    throw new AppError('invalid_input', 'That bar is a day: YYYY-MM-DD.', [{ path: 'key', message: 'bad_key' }]);
  const start = Date.parse(`${key}T00:00:00+08:00`);
  return {
    from: new Date(Math.max(start, Date.parse(f.from))).toISOString(),
    to: new Date(Math.min(start + DAY, Date.parse(f.to))).toISOString(),
  };
}

/** The ids of the cases behind one bar, at most `limit` (+1 to tell whether there are more), most recent first. */
export async function caseIdsBehind(
  db: Kysely<DB>,
  policy: Policy,
  chart: DashboardChart,
  key: string,
  f: Filter,
  now: Date,
  limit: number,
): Promise<string[]> {
  const take = limit + 1;
  const ids = (rows: { rows: { case_id: string }[] }) => rows.rows.map((r) => r.case_id);
  switch (chart) {
    case 'promisesKept': {
      const w = dayWindow(key, f);
      return ids(
        await sql<{ case_id: string }>`
          select case_id from commitments
          where resolved_at >= ${w.from} and resolved_at < ${w.to} and status in ('kept', 'broken')${agentClause('owner_id', f.agents)}
          group by case_id order by max(resolved_at) desc limit ${take}`.execute(db),
      );
    }
    case 'brokenByAgent':
      return ids(
        await sql<{ case_id: string }>`
          select case_id from commitments
          where resolved_at >= ${f.from} and resolved_at < ${f.to} and status = 'broken' and owner_id = ${key}${agentClause('owner_id', f.agents)}
          group by case_id order by max(resolved_at) desc limit ${take}`.execute(db),
      );
    case 'slaByCategory': {
      if (!(Categories.options as readonly string[]).includes(key))
        throw new AppError('invalid_input', 'That bar is a case category.', [{ path: 'key', message: 'bad_key' }]);
      // The cases that missed their target, worst first: the ones worth opening.
      return (await withTargets(policy, await resolvedCases(db, f, key)))
        .filter((c) => c.over > 0)
        .sort((x, y) => y.over - x.over)
        .slice(0, take)
        .map((c) => c.id);
    }
    case 'repeatContacts': {
      const w = dayWindow(key, f);
      return ids(
        await sql<{ case_id: string }>`
          select cc.case_id from contacts c
          join contact_cases cc on cc.contact_id = c.id
          where c.started_at >= ${w.from} and c.started_at < ${w.to} and c.direction = 'inbound' and c.is_repeat = 1${agentClause('c.agent_id', f.agents)}
          group by cc.case_id order by max(c.started_at) desc limit ${take}`.execute(db),
      );
    }
    case 'csatTrend': {
      const w = dayWindow(key, f);
      return ids(
        await sql<{ case_id: string }>`
          select case_id from surveys
          where answered_at >= ${w.from} and answered_at < ${w.to}${agentClause('agent_id', f.agents)}
          group by case_id order by min(score), max(answered_at) desc limit ${take}`.execute(db),
      );
    }
    case 'openEscalations': {
      const [level, age] = key.split(':');
      if (!/^[123]$/.test(level ?? '') || !AGE_BUCKETS.some((b) => b.key === age))
        throw new AppError('invalid_input', 'That bar is level:age, e.g. 2:1to3d.', [{ path: 'key', message: 'bad_key' }]);
      const w = bucketWindow(now, age as AgeKey);
      return ids(
        await sql<{ case_id: string }>`
          select case_id from escalations
          where status in ('open', 'accepted', 'escalated') and level = ${Number(level)}${w.before ? sql` and created_at <= ${w.before}` : sql``}${w.after ? sql` and created_at > ${w.after}` : sql``}${agentClause('raised_by', f.agents)}
          group by case_id order by min(created_at) limit ${take}`.execute(db),
      );
    }
  }
}
