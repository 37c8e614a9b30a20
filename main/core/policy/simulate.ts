import type { Kysely } from 'kysely';
import {
  type AnswerDifference,
  type ChangedDecision,
  canonicalJson,
  OfferKind,
  type PolicyAnswer,
  type PolicyFacts,
  SIMULATION_DAYS,
  type SimulationResult,
} from '../../../shared';
import type { DB } from '../../db';
import { pairTable, type Policy, REQUIRED_TABLES, type TableAnswer, type TableName } from '../../policy';
import { answerPolicy } from '../promises/policy-answer';

const DAY_MS = 86_400_000;
/** Decisions evaluated together: the engine answers a Promise.all batch far faster than one awaited call at a time. */
const BATCH = 500;
/** Cases and customers read per query when naming the listed decisions. */
const NAME_CHUNK = 500;

type Answer = Pick<PolicyAnswer, 'offers' | 'sla' | 'escalation' | 'ruleIds'>;

/**
 * The output columns a comparison reads (`differences`), where a table has more: a remedy's reasons are
 * words about the answer, not the answer, so only these cross from the engine during a simulation.
 */
const COMPARED_FIELDS: Partial<Record<TableName, readonly string[]>> = {
  remedies: ['offer', 'status', 'limit', 'unit', 'approver'],
};

/** What an unchanged table that no other table's result depends on answers, under both bundles alike. */
const SAME: Record<TableName, TableAnswer<unknown>> = {
  sla: { result: null, ruleIds: [] },
  remedies: { result: [], ruleIds: [] },
  escalation: { result: [], ruleIds: [] },
  authority: { result: null, ruleIds: [] },
};

/**
 * Both answers for one decision's facts: under the bundle in force and under the draft. A table the
 * draft did not change gives the same result under both, so it cannot make a difference: it is not
 * evaluated at all (both sides get the same placeholder), except remedies when authority changed (the
 * offers are remedies judged against authority), which is then evaluated once and shared. The
 * authority table reads only the role, so its answer is kept per role for the whole run.
 */
function answerer(active: Policy, draft: Policy) {
  const changedTables = new Set(REQUIRED_TABLES.filter((t) => canonicalJson(active.tables[t]) !== canonicalJson(draft.tables[t])));
  const needed = new Set<TableName>([...changedTables, 'authority']);
  // A changed table of the plain shape is evaluated for both bundles in one engine call (`pair.ts`).
  const pairs = new Map(
    [...changedTables].flatMap((t) => {
      const pair = t === 'authority' ? null : pairTable(t, active.tables, draft.tables, COMPARED_FIELDS[t]);
      return pair ? [[t, pair] as const] : [];
    }),
  );
  if (changedTables.has('authority')) needed.add('remedies');
  const authority = new Map<Policy, Map<string, Promise<TableAnswer<unknown>>>>([
    [active, new Map()],
    [draft, new Map()],
  ]);
  const authorityOf = (policy: Policy, facts: object) => {
    const role = (facts as { role: string }).role;
    const byRole = authority.get(policy)!;
    let answer = byRole.get(role);
    if (!answer) byRole.set(role, (answer = policy.evaluate('authority', facts)));
    return answer;
  };
  const seen = new Map<string, Promise<[Answer, Answer]>>();
  return {
    changedTables,
    /** Decisions with the same recorded facts get the same answers: each distinct set is evaluated once per run. */
    answers(recordedFacts: string): Promise<[Answer, Answer]> {
      let found = seen.get(recordedFacts);
      if (!found) seen.set(recordedFacts, (found = answersFor(JSON.parse(recordedFacts) as PolicyFacts)));
      return found;
    },
  };

  async function answersFor(facts: PolicyFacts): Promise<[Answer, Answer]> {
    const shared = new Map<TableName, Promise<TableAnswer<unknown>>>();
    const paired = new Map<TableName, Promise<[TableAnswer<unknown>, TableAnswer<unknown>]>>();
    const view = (policy: Policy): Policy => ({
      version: policy.version,
      tables: policy.tables,
      evaluate<T>(table: TableName, f: object): Promise<TableAnswer<T>> {
        const changed = changedTables.has(table);
        const source = changed ? policy : active;
        if (table === 'authority') return authorityOf(source, f) as Promise<TableAnswer<T>>;
        const pair = changed ? pairs.get(table) : undefined;
        if (pair) {
          let both = paired.get(table);
          if (!both) paired.set(table, (both = pair(f)));
          return both.then(([old, next]) => (policy === active ? old : next) as TableAnswer<T>);
        }
        if (changed) return policy.evaluate<T>(table, f);
        if (!needed.has(table)) return Promise.resolve(SAME[table] as TableAnswer<T>);
        let answer = shared.get(table);
        if (!answer) shared.set(table, (answer = active.evaluate(table, f)));
        return answer as Promise<TableAnswer<T>>;
      },
    });
    return Promise.all([answerPolicy(view(active), facts), answerPolicy(view(draft), facts)]);
  }
}

function offerText(o: PolicyAnswer['offers'][number] | undefined): string {
  return o ? `${o.status} ${o.limit} ${o.unit}` : '—';
}

/** What the draft's answer says differently: each offer (status, limit), each SLA target, the escalation level. */
export function differences(old: Answer, draft: Answer): AnswerDifference[] {
  const found: AnswerDifference[] = [];
  const kinds = [...new Set([...old.offers, ...draft.offers].map((o) => o.offer))];
  for (const kind of kinds) {
    const before = old.offers.filter((o) => o.offer === kind);
    const after = draft.offers.filter((o) => o.offer === kind);
    const a = before.map(offerText).join(', ') || '—';
    const b = after.map(offerText).join(', ') || '—';
    if (a !== b || canonicalJson(before.map((o) => o.approver)) !== canonicalJson(after.map((o) => o.approver)))
      found.push({ item: kind, old: a, new: b });
  }
  const slaKeys = [...new Set([...Object.keys(old.sla ?? {}), ...Object.keys(draft.sla ?? {})])] as (keyof PolicyAnswer['sla'])[];
  for (const key of slaKeys) {
    const a = String(old.sla?.[key] ?? '—');
    const b = String(draft.sla?.[key] ?? '—');
    if (a !== b) found.push({ item: `sla.${key}`, old: a, new: b });
  }
  const level = (e: Answer['escalation']) => `${e.escalate ? 'escalate' : 'stay'} ${e.level}`;
  if (level(old.escalation) !== level(draft.escalation))
    found.push({ item: 'escalation', old: level(old.escalation), new: level(draft.escalation) });
  return found;
}

const rulesOf = (answer: Answer) => REQUIRED_TABLES.flatMap((t) => answer.ruleIds[t] ?? []);

function offerOf(action: string): string | null {
  const kind = OfferKind.safeParse(action.split('.').pop());
  return kind.success ? kind.data : null;
}

/**
 * Re-evaluates every decision recorded in the last SIMULATION_DAYS days under the draft, with the
 * facts the decision recorded, and reports those whose answer would change from what the bundle in
 * force answers for the same facts. Reads only: nothing is written, nothing is swapped.
 */
export async function simulate(db: Kysely<DB>, active: Policy, draft: Policy, now: Date, limit: number): Promise<SimulationResult> {
  const started = performance.now();
  const since = new Date(now.getTime() - SIMULATION_DAYS * DAY_MS).toISOString();
  const rows = await db
    .selectFrom('decisions')
    .select(['id', 'case_id', 'customer_id', 'bundle_version', 'facts', 'action', 'created_at'])
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const { changedTables, answers } = answerer(active, draft);
  const changed: Omit<ChangedDecision, 'caseNumber' | 'customerName'>[] = [];
  const byItem: Record<string, number> = {};
  let count = 0;
  if (changedTables.size > 0) {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      const results = await Promise.all(batch.map((r) => answers(r.facts)));
      results.forEach(([old, next], j) => {
        const found = differences(old, next);
        if (found.length === 0) return;
        count += 1;
        for (const d of found) byItem[d.item] = (byItem[d.item] ?? 0) + 1;
        if (changed.length >= limit) return;
        const r = batch[j]!;
        changed.push({
          decisionId: r.id,
          decidedAt: r.created_at,
          action: r.action,
          offer: offerOf(r.action),
          bundleVersion: r.bundle_version,
          caseId: r.case_id,
          customerId: r.customer_id,
          differences: found,
          oldRules: rulesOf(old),
          newRules: rulesOf(next),
        });
      });
    }
  }
  const names = await caseNames(
    db,
    changed.map((c) => c.caseId),
  );
  return {
    currentVersion: active.version,
    draftVersion: draft.version,
    since,
    evaluated: rows.length,
    changed: count,
    decisions: changed.map((c) => ({
      ...c,
      caseNumber: names.get(c.caseId)?.number ?? '?',
      customerName: names.get(c.caseId)?.name ?? '?',
    })),
    byItem,
    elapsedMs: Math.round(performance.now() - started),
  };
}

async function caseNames(db: Kysely<DB>, caseIds: string[]): Promise<Map<string, { number: string; name: string }>> {
  const unique = [...new Set(caseIds)];
  const found = new Map<string, { number: string; name: string }>();
  for (let i = 0; i < unique.length; i += NAME_CHUNK) {
    const rows = await db
      .selectFrom('cases')
      .innerJoin('customers', 'customers.id', 'cases.customer_id')
      .select(['cases.id', 'cases.number', 'customers.name'])
      .where('cases.id', 'in', unique.slice(i, i + NAME_CHUNK))
      .execute();
    for (const r of rows) found.set(r.id, { number: r.number, name: r.name });
  }
  return found;
}
