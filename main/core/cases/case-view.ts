import type { Kysely } from 'kysely';
import type { CaseChange, CaseView } from '../../../shared';
import type { DB } from '../../db';
import { getCaseDetail } from '../cases/cases';
import { listFacts } from '../facts/facts';
import { incidentsFor, listIncidents } from '../incidents/incidents';
import { regulatorDeadlines } from '../complaints/regulator';
import { commitmentsOf, decisionsOf, escalationsOf, messagesOf } from '../promises/read';
import { agentRefs, unknownAgent } from '../read-models';

interface ChangeData {
  changes?: { field: string; from: unknown; to: unknown }[];
}

/** Who changed which field of a case, when, from what to what — read back from the audit chain. */
export async function caseChanges(db: Kysely<DB>, caseId: string): Promise<CaseChange[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['at', 'actor_id', 'data'])
    .where('entity', '=', 'case')
    .where('entity_id', '=', caseId)
    .where('action', '=', 'cases.update')
    .orderBy('seq', 'desc')
    .execute();
  const actors = await agentRefs(
    db,
    rows.map((r) => r.actor_id),
  );
  return rows.flatMap((r) =>
    ((JSON.parse(r.data) as ChangeData).changes ?? []).map((c) => ({
      at: r.at,
      actor: actors.get(r.actor_id) ?? unknownAgent(r.actor_id),
      field: c.field,
      from: c.from,
      to: c.to,
    })),
  );
}

/** The case view: notes, calls, field history, incidents, pinned facts, commitments, confirmations, decisions and escalations. */
export async function getCaseView(db: Kysely<DB>, id: string, now: Date): Promise<CaseView> {
  const detail = await getCaseDetail(db, id);
  const [changes, incidents, pinnedFacts, commitments, messages, decisions, escalations, regulator] = await Promise.all([
    caseChanges(db, id),
    listIncidents(db, now, true),
    listFacts(db, detail.customerId, id),
    commitmentsOf(db, { caseId: id }, now),
    messagesOf(db, id),
    decisionsOf(db, { caseId: id }),
    escalationsOf(db, { caseId: id }),
    regulatorDeadlines(db, [id]),
  ]);
  const open = !['resolved', 'closed'].includes(detail.status);
  return {
    ...detail,
    changes,
    incidents: open ? incidentsFor(incidents, detail.category) : [],
    pinnedFacts,
    commitments,
    messages,
    decisions,
    escalations,
    regulatorDueAt: regulator.get(id) ?? null,
  };
}
