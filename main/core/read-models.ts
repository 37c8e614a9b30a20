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
      .orderBy('e164')
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

export function toNote(row: NoteRow, authors: ReadonlyMap<string, AgentRef>): Note {
  return {
    id: row.id,
    customerId: row.customer_id,
    caseId: row.case_id,
    contactId: row.contact_id,
    author: authors.get(row.author_id) ?? unknownAgent(row.author_id),
    body: row.body,
    createdAt: row.created_at,
  };
}

export async function hydrateNotes(db: Kysely<DB>, rows: NoteRow[]): Promise<Note[]> {
  const authors = await agentRefs(
    db,
    rows.map((r) => r.author_id),
  );
  return rows.map((r) => toNote(r, authors));
}

export async function caseRefs(db: Kysely<DB>, ids: Iterable<string>): Promise<Map<string, CaseRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('cases').select(['id', 'number', 'title']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The columns of a call that its timeline entry shows (all of them but none of its links). */
export type ContactRow = Pick<DB['contacts'], 'id' | 'customer_id' | 'agent_id' | 'channel' | 'direction' | 'started_at'>;
export interface ContactLink {
  contact_id: string;
  case_id: string;
}

/** Puts a call together from rows already read: its agent, its cases (by case id) and its notes. */
export function toContact(
  row: ContactRow,
  parts: {
    agents: ReadonlyMap<string, AgentRef>;
    links: readonly ContactLink[];
    cases: ReadonlyMap<string, CaseRef>;
    notes: readonly Note[];
  },
): Contact {
  return {
    id: row.id,
    customerId: row.customer_id,
    agent: parts.agents.get(row.agent_id) ?? unknownAgent(row.agent_id),
    channel: row.channel as Contact['channel'],
    direction: row.direction as Contact['direction'],
    startedAt: row.started_at,
    cases: parts.links
      .filter((l) => l.contact_id === row.id)
      .map((l) => l.case_id)
      .sort()
      .flatMap((id) => parts.cases.get(id) ?? []),
    notes: parts.notes.filter((n) => n.contactId === row.id),
  };
}

/** Full contacts (agent, linked cases, notes) for the given ids, in the order given. */
export async function hydrateContacts(db: Kysely<DB>, ids: string[]): Promise<Contact[]> {
  if (ids.length === 0) return [];
  const [contacts, links, notes] = await Promise.all([
    db.selectFrom('contacts').selectAll().where('id', 'in', ids).execute(),
    db.selectFrom('contact_cases').selectAll().where('contact_id', 'in', ids).execute(),
    db.selectFrom('notes').selectAll().where('contact_id', 'in', ids).orderBy('created_at').orderBy('id').execute(),
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
    const row = byId.get(id);
    return row ? [toContact(row, { agents, links, cases, notes: hydratedNotes })] : [];
  });
}
