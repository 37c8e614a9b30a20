import type { Kysely } from 'kysely';
import type {
  Commitment,
  CommitmentKind,
  CommitmentStatus,
  CustomerMessage,
  Decision,
  Escalation,
  OfferKind,
  SuppliedFacts,
} from '../../../shared';
import type { DB } from '../../db';
import { regulatorDeadlines } from '../complaints/regulator';
import { agentRefs, unknownAgent } from '../read-models';
import { ACTIVE_STATES } from './escalation-workflow';

const DAY = 86_400_000;

export async function readCommitments(db: Kysely<DB>, rows: DB['commitments'][], now: Date): Promise<Commitment[]> {
  const owners = await agentRefs(
    db,
    rows.map((r) => r.owner_id),
  );
  const numbers = rows.length
    ? new Map(
        (
          await db
            .selectFrom('cases')
            .select(['id', 'number'])
            .where('id', 'in', [...new Set(rows.map((r) => r.case_id))])
            .execute()
        ).map((c) => [c.id, c.number]),
      )
    : new Map<string, string>();
  const t = now.getTime();
  return rows.map((r) => {
    const due = Date.parse(r.due_at);
    const open = r.status === 'open';
    return {
      id: r.id,
      caseId: r.case_id,
      caseNumber: numbers.get(r.case_id) ?? '',
      customerId: r.customer_id,
      kind: r.kind as CommitmentKind,
      wording: r.wording,
      amount: r.amount,
      owner: owners.get(r.owner_id) ?? unknownAgent(r.owner_id),
      dueAt: r.due_at,
      graceHours: r.grace_hours,
      status: r.status as CommitmentStatus,
      decisionId: r.decision_id,
      createdAt: r.created_at,
      resolvedAt: r.resolved_at,
      resolutionReason: r.resolution_reason,
      overdue: open && due <= t,
      dueSoon: open && due > t && due - t <= DAY,
    };
  });
}

export async function commitmentsOf(db: Kysely<DB>, where: { caseId?: string; customerId?: string }, now: Date): Promise<Commitment[]> {
  let q = db.selectFrom('commitments').selectAll();
  if (where.caseId) q = q.where('case_id', '=', where.caseId);
  if (where.customerId) q = q.where('customer_id', '=', where.customerId);
  return readCommitments(db, await q.orderBy('due_at').orderBy('id').execute(), now);
}

export function toMessage(r: DB['messages']): CustomerMessage {
  return {
    id: r.id,
    caseId: r.case_id,
    commitmentId: r.commitment_id,
    template: r.template,
    locale: r.locale as CustomerMessage['locale'],
    to: r.to_phone,
    body: r.body,
    status: r.status as CustomerMessage['status'],
    gateway: r.gateway,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

export async function messagesOf(db: Kysely<DB>, caseId: string): Promise<CustomerMessage[]> {
  return (
    await db.selectFrom('messages').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
  ).map(toMessage);
}

export async function decisionsOf(db: Kysely<DB>, where: { caseId: string; id?: string }): Promise<Decision[]> {
  let q = db.selectFrom('decisions').selectAll().where('case_id', '=', where.caseId);
  if (where.id) q = q.where('id', '=', where.id);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  const actors = await agentRefs(
    db,
    rows.map((r) => r.actor_id),
  );
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    actor: actors.get(r.actor_id) ?? unknownAgent(r.actor_id),
    action: r.action,
    bundleVersion: r.bundle_version,
    facts: JSON.parse(r.facts) as Record<string, unknown>,
    ruleIds: JSON.parse(r.rule_ids) as Record<string, string[]>,
    answer: JSON.parse(r.answer) as unknown,
    supplied: suppliedOf(r.supplied),
    createdAt: r.created_at,
  }));
}

/** Where `escalationsOf` looks: one escalation, a case's, one state's, or those still waiting on someone. */
export interface EscalationFilter {
  caseId?: string;
  status?: string;
  id?: string;
  active?: boolean;
}

/** A limit a bulk loader left out: the fixed day the queue counted with before policy set one per level. */
const UNSET_LIMIT_MS = 24 * 3_600_000;

export async function escalationsOf(db: Kysely<DB>, where: EscalationFilter): Promise<Escalation[]> {
  let q = db
    .selectFrom('escalations')
    .leftJoin('decisions', 'decisions.id', 'escalations.decision_id')
    .selectAll('escalations')
    .select('decisions.supplied');
  if (where.caseId) q = q.where('escalations.case_id', '=', where.caseId);
  if (where.status) q = q.where('escalations.status', '=', where.status);
  if (where.active) q = q.where('escalations.status', 'in', [...ACTIVE_STATES]);
  if (where.id) q = q.where('escalations.id', '=', where.id);
  const rows = await q.orderBy('escalations.created_at', 'desc').orderBy('escalations.id', 'desc').execute();
  const caseIds = [...new Set(rows.map((r) => r.case_id))];
  // A supervisor's queue spans customers: each escalation names its case and customer.
  const [cases, regulator] = await Promise.all([
    caseIds.length
      ? db
          .selectFrom('cases')
          .innerJoin('customers', 'customers.id', 'cases.customer_id')
          .select(['cases.id', 'cases.number', 'customers.name'])
          .where('cases.id', 'in', caseIds)
          .execute()
          .then((found) => new Map(found.map((c) => [c.id, c])))
      : new Map<string, { number: string; name: string }>(),
    regulatorDeadlines(db, caseIds),
  ]);
  const people = await agentRefs(
    db,
    rows.flatMap((r) => [r.raised_by, ...(r.decided_by ? [r.decided_by] : []), ...(r.owner_id ? [r.owner_id] : [])]),
  );
  const teams = rows.length
    ? new Map(
        (
          await db
            .selectFrom('agents')
            .select(['id', 'team'])
            .where('id', 'in', [...new Set(rows.map((r) => r.raised_by))])
            .execute()
        ).map((a) => [a.id, a.team]),
      )
    : new Map<string, string | null>();
  const person = (id: string | null) => (id ? (people.get(id) ?? unknownAgent(id)) : null);
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseNumber: cases.get(r.case_id)?.number ?? '',
    customerId: r.customer_id,
    customerName: cases.get(r.case_id)?.name ?? '',
    level: r.level,
    reason: r.reason,
    detail: r.detail,
    detailParams: r.detail_params ? (JSON.parse(r.detail_params) as Record<string, string | number>) : null,
    offer: r.offer as OfferKind | null,
    amount: r.amount,
    status: r.status as Escalation['status'],
    commitmentId: r.commitment_id,
    raisedBy: person(r.raised_by)!,
    team: teams.get(r.raised_by) ?? null,
    owner: person(r.owner_id),
    decidedBy: person(r.decided_by),
    decision: r.decision as Escalation['decision'],
    createdAt: r.created_at,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    supplied: suppliedOf(r.supplied),
    dueAt: r.due_at ?? new Date(Date.parse(r.created_at) + UNSET_LIMIT_MS).toISOString(),
    regulatorDueAt: regulator.get(r.case_id) ?? null,
  }));
}

/** The facts an agent supplied with a decision (stored as JSON; none on decisions made before they were kept). */
function suppliedOf(json: string | null): SuppliedFacts {
  return json ? (JSON.parse(json) as SuppliedFacts) : {};
}
