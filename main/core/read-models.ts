import type { Kysely } from 'kysely';
import type {
  AgentRef,
  CaseCategory,
  CasePriority,
  CaseRef,
  CaseStatus,
  CaseSummary,
  Contact,
  CustomerSummary,
  Note,
  Tier,
} from '../../shared';
import type { DB } from '../db';

/** Row → contract shapes, and the batched look-ups that hydrate them (one query per kind, never per row). */

type CaseRow = DB['cases'];

export function toCaseSummary(row: CaseRow): CaseSummary {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    category: row.category as CaseCategory,
    status: row.status as CaseStatus,
    priority: row.priority as CasePriority,
    level: row.level as 1 | 2 | 3,
    openedAt: row.opened_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export async function agentRefs(db: Kysely<DB>, ids: Iterable<string>): Promise<Map<string, AgentRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('agents').select(['id', 'name', 'employee_no']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, employeeNo: r.employee_no }]));
}

export function unknownAgent(id: string): AgentRef {
  return { id, name: '?', employeeNo: '?' };
}

export async function customerSummaries(db: Kysely<DB>, ids: string[]): Promise<Map<string, CustomerSummary>> {
  if (ids.length === 0) return new Map();
  const [customers, phones] = await Promise.all([
    db.selectFrom('customers').select(['id', 'name', 'tier']).where('id', 'in', ids).execute(),
    db
      .selectFrom('customer_phones')
      .select(['customer_id', 'e164', 'label'])
      .where('customer_id', 'in', ids)
      .orderBy('created_at')
      .execute(),
  ]);
  return new Map(
    customers.map((c) => [
      c.id,
      {
        id: c.id,
        name: c.name,
        tier: c.tier as Tier,
        phones: phones.filter((p) => p.customer_id === c.id).map((p) => ({ e164: p.e164, label: p.label })),
      },
    ]),
  );
}

type NoteRow = DB['notes'];

export async function hydrateNotes(db: Kysely<DB>, rows: NoteRow[]): Promise<Note[]> {
  const authors = await agentRefs(
    db,
    rows.map((r) => r.author_id),
  );
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    caseId: r.case_id,
    contactId: r.contact_id,
    author: authors.get(r.author_id) ?? unknownAgent(r.author_id),
    body: r.body,
    createdAt: r.created_at,
  }));
}

export async function caseRefs(db: Kysely<DB>, ids: Iterable<string>): Promise<Map<string, CaseRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('cases').select(['id', 'number', 'title']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Full contacts (agent, linked cases, notes) for the given ids, in the order given. */
export async function hydrateContacts(db: Kysely<DB>, ids: string[]): Promise<Contact[]> {
  if (ids.length === 0) return [];
  const [contacts, links, notes] = await Promise.all([
    db.selectFrom('contacts').selectAll().where('id', 'in', ids).execute(),
    db.selectFrom('contact_cases').selectAll().where('contact_id', 'in', ids).execute(),
    db.selectFrom('notes').selectAll().where('contact_id', 'in', ids).orderBy('created_at').execute(),
  ]);
  const [agents, cases, hydratedNotes] = await Promise.all([
    agentRefs(
      db,
      contacts.map((c) => c.agent_id),
    ),
    caseRefs(
      db,
      links.map((l) => l.case_id),
    ),
    hydrateNotes(db, notes),
  ]);
  const byId = new Map(contacts.map((c) => [c.id, c]));
  return ids.flatMap((id) => {
    const c = byId.get(id);
    if (!c) return [];
    return [
      {
        id: c.id,
        customerId: c.customer_id,
        agent: agents.get(c.agent_id) ?? unknownAgent(c.agent_id),
        channel: c.channel as Contact['channel'],
        direction: c.direction as Contact['direction'],
        startedAt: c.started_at,
        cases: links.filter((l) => l.contact_id === id).flatMap((l) => cases.get(l.case_id) ?? []),
        notes: hydratedNotes.filter((n) => n.contactId === id),
      },
    ];
  });
}
