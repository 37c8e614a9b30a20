import type { Expression, ExpressionBuilder, Kysely, OperandValueExpressionOrList, Selectable, SqlBool } from 'kysely';
import { AppError, type AuditChange, type AuditEntry, type AuditReport, type CaseAuditPage, type PersonAuditPage } from '../../../shared';
import type { DB } from '../../db';
import { agentRefs, unknownAgent } from '../read-models';

const DEFAULT_PAGE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Paging {
  before?: number | undefined;
  limit?: number | undefined;
}

type AuditRow = Pick<Selectable<DB['audit_log']>, 'seq' | 'at' | 'actor_id' | 'mutation_id' | 'action' | 'entity' | 'entity_id' | 'data'>;

/** `{ from, to }` as some writes record one changed value (a commitment's `dueAt`). */
function isFromTo(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).sort().join() === 'from,to';
}

/**
 * What an audit row's data says changed. Writes that read the row first record old → new
 * (`changes: [{ field, from, to }]`, or `{ field: { from, to } }`); every other value recorded is
 * only the new one, shown as such rather than guessed at.
 */
export function changesOf(data: unknown): AuditChange[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [{ kind: 'recorded', field: 'value', value: data }];
  const changes: AuditChange[] = [];
  for (const [field, value] of Object.entries(data)) {
    if (field === 'changes' && Array.isArray(value)) {
      for (const c of value as { field: string; from: unknown; to: unknown }[])
        changes.push({ kind: 'changed', field: c.field, from: c.from, to: c.to });
    } else if (isFromTo(value)) changes.push({ kind: 'changed', field, from: value.from, to: value.to });
    else changes.push({ kind: 'recorded', field, value });
  }
  return changes;
}

function parseData(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A row altered by hand may hold anything; the chain check reports it, the list shows it as written.
    return text;
  }
}

/** Rows → entries with names, plus the cursor of the next page (`rows` holds one more than the page when there is one). */
async function toPage(db: Kysely<DB>, rows: AuditRow[], limit: number): Promise<{ entries: AuditEntry[]; next: number | null }> {
  const page = rows.slice(0, limit);
  const actors = await agentRefs(
    db,
    page.map((r) => r.actor_id),
  );
  return {
    entries: page.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      actor: actors.get(r.actor_id) ?? unknownAgent(r.actor_id),
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      mutationId: r.mutation_id,
      changes: changesOf(parseData(r.data)),
    })),
    next: rows.length > limit ? Number(page[page.length - 1]!.seq) : null,
  };
}

/** Newest first, older than `before`, one more than the page so the caller knows whether there is another. */
function pageOf(db: Kysely<DB>, where: (eb: ExpressionBuilder<DB, 'audit_log'>) => Expression<SqlBool>, paging: Paging) {
  const limit = paging.limit ?? DEFAULT_PAGE;
  let query = db
    .selectFrom('audit_log')
    .select(['seq', 'at', 'actor_id', 'mutation_id', 'action', 'entity', 'entity_id', 'data'])
    .where(where);
  if (paging.before !== undefined) query = query.where('seq', '<', paging.before);
  return {
    limit,
    rows: query
      .orderBy('seq', 'desc')
      .limit(limit + 1)
      .execute(),
  };
}

async function findCase(db: Kysely<DB>, ref: string) {
  const row = await db
    .selectFrom('cases')
    .select(['id', 'number', 'title', 'customer_id'])
    .where(UUID.test(ref) ? 'id' : 'number', '=', UUID.test(ref) ? ref.toLowerCase() : ref.toUpperCase())
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `No case ${ref}.`, [{ path: 'case', message: 'not_found' }]);
  return row;
}

/**
 * A case's audit trail: the rows about the case and about what hangs on it, each found through its
 * own table's case index and then `audit_log_entity (entity, entity_id, seq)`.
 */
export async function auditForCase(db: Kysely<DB>, input: { case: string } & Paging): Promise<CaseAuditPage> {
  const found = await findCase(db, input.case);
  const caseId = found.id;
  const { limit, rows } = pageOf(
    db,
    (eb) => {
      const about = (entity: string, ids: string | OperandValueExpressionOrList<DB, 'audit_log', 'entity_id'>) =>
        eb.and([eb('entity', '=', entity), typeof ids === 'string' ? eb('entity_id', '=', ids) : eb('entity_id', 'in', ids)]);
      const linked = eb.selectFrom('contact_cases').select('contact_id').where('case_id', '=', caseId);
      return eb.or([
        about('case', caseId),
        about('note', eb.selectFrom('notes').select('id').where('case_id', '=', caseId)),
        about('contact', linked),
        about('review', eb.selectFrom('reviews').select('id').where('contact_id', 'in', linked)),
        about('commitment', eb.selectFrom('commitments').select('id').where('case_id', '=', caseId)),
        about('message', eb.selectFrom('messages').select('id').where('case_id', '=', caseId)),
        about('escalation', eb.selectFrom('escalations').select('id').where('case_id', '=', caseId)),
        about('decision', eb.selectFrom('decisions').select('id').where('case_id', '=', caseId)),
        about('survey', eb.selectFrom('surveys').select('id').where('case_id', '=', caseId)),
        about(
          'fact',
          eb.selectFrom('pinned_facts').select('id').where('customer_id', '=', found.customer_id).where('case_id', '=', caseId),
        ),
      ]);
    },
    input,
  );
  return {
    case: { id: found.id, number: found.number, title: found.title, customerId: found.customer_id },
    ...(await toPage(db, await rows, limit)),
  };
}

/** What one person did: their rows of the chain, newest first (`audit_log_actor`, 0016). */
export async function auditForPerson(db: Kysely<DB>, input: { employeeNo: string } & Paging): Promise<PersonAuditPage> {
  const person = await db
    .selectFrom('agents')
    .select(['id', 'name', 'employee_no'])
    .where('employee_no', '=', input.employeeNo)
    .executeTakeFirst();
  if (!person)
    throw new AppError('not_found', `No one has employee number ${input.employeeNo}.`, [{ path: 'employeeNo', message: 'not_found' }]);
  const { limit, rows } = pageOf(db, (eb) => eb('actor_id', '=', person.id), input);
  return { person: { id: person.id, name: person.name, employeeNo: person.employee_no }, ...(await toPage(db, await rows, limit)) };
}

/** The check's answer with the first bad row as stored (when, which write, on what), so a person can find it. */
export async function withFirstBadRow(db: Kysely<DB>, report: AuditReport): Promise<AuditReport> {
  if (!report.firstBad || report.firstBad.reason === 'truncated') return report;
  const row = await db
    .selectFrom('audit_log')
    .select(['at', 'mutation_id', 'action', 'entity', 'entity_id'])
    .where('seq', '=', report.firstBad.seq)
    .executeTakeFirst();
  if (!row) return report;
  return {
    ...report,
    firstBad: {
      ...report.firstBad,
      row: { at: row.at, mutationId: row.mutation_id, action: row.action, entity: row.entity, entityId: row.entity_id },
    },
  };
}
