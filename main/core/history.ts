import { type Kysely, sql } from 'kysely';
import { AppError, type HistoryItem } from '../../shared';
import type { DB } from '../db';
import { agentRefs, caseRefs, hydrateContacts, hydrateNotes, toCaseSummary, unknownAgent } from './read-models';

type Kind = HistoryItem['kind'];
interface Key {
  kind: Kind;
  id: string;
  at: string;
}

// Opaque to callers; base64url so it survives a URL or an IPC hop untouched.
function encodeCursor(key: Key): string {
  return Buffer.from(`${key.at}|${key.id}`).toString('base64url');
}
function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id) throw new AppError('invalid_input', 'The history cursor is not valid.', [{ path: 'cursor', message: 'invalid' }]);
  return { at, id };
}

/**
 * A customer's story across calls, newest first: calls (with notes), notes written outside a call,
 * and cases opened. Keyset-paged on (time, id), each branch served by its own index.
 */
export async function customerHistory(
  db: Kysely<DB>,
  customerId: string,
  limit: number,
  cursor: string | null | undefined,
): Promise<{ items: HistoryItem[]; nextCursor: string | null }> {
  const after = cursor ? decodeCursor(cursor) : null;
  const before = (at: ReturnType<typeof sql.ref>, id: ReturnType<typeof sql.ref>) =>
    after ? sql`and (${at} < ${after.at} or (${at} = ${after.at} and ${id} < ${after.id}))` : sql``;

  const keys = await sql<Key>`
    select * from (
      select 'contact' as kind, id, started_at as at from contacts
        where customer_id = ${customerId} ${before(sql.ref('started_at'), sql.ref('id'))}
        order by started_at desc, id desc limit ${limit + 1}
    )
    union all
    select * from (
      select 'note' as kind, id, created_at as at from notes
        where customer_id = ${customerId} and contact_id is null ${before(sql.ref('created_at'), sql.ref('id'))}
        order by created_at desc, id desc limit ${limit + 1}
    )
    union all
    select * from (
      select 'case_opened' as kind, id, opened_at as at from cases
        where customer_id = ${customerId} ${before(sql.ref('opened_at'), sql.ref('id'))}
        order by opened_at desc, id desc limit ${limit + 1}
    )
    order by at desc, id desc
    limit ${limit + 1}
  `.execute(db);

  const page = keys.rows.slice(0, limit);
  const nextCursor = keys.rows.length > limit && page.length > 0 ? encodeCursor(page[page.length - 1]!) : null;
  const idsOf = (kind: Kind) => page.filter((k) => k.kind === kind).map((k) => k.id);

  const [contacts, noteRows, caseRows] = await Promise.all([
    hydrateContacts(db, idsOf('contact')),
    idsOf('note').length ? db.selectFrom('notes').selectAll().where('id', 'in', idsOf('note')).execute() : Promise.resolve([]),
    idsOf('case_opened').length ? db.selectFrom('cases').selectAll().where('id', 'in', idsOf('case_opened')).execute() : Promise.resolve([]),
  ]);
  const [notes, noteCases, openers] = await Promise.all([
    hydrateNotes(db, noteRows),
    caseRefs(
      db,
      noteRows.flatMap((n) => (n.case_id ? [n.case_id] : [])),
    ),
    agentRefs(
      db,
      caseRows.map((c) => c.opened_by),
    ),
  ]);

  const contactById = new Map(contacts.map((c) => [c.id, c]));
  const noteById = new Map(notes.map((n) => [n.id, n]));
  const caseById = new Map(caseRows.map((c) => [c.id, c]));
  const items = page.flatMap((key): HistoryItem[] => {
    if (key.kind === 'contact') {
      const contact = contactById.get(key.id);
      return contact ? [{ kind: 'contact', at: key.at, contact }] : [];
    }
    if (key.kind === 'note') {
      const note = noteById.get(key.id);
      return note ? [{ kind: 'note', at: key.at, note, case: note.caseId ? (noteCases.get(note.caseId) ?? null) : null }] : [];
    }
    const row = caseById.get(key.id);
    return row
      ? [{ kind: 'case_opened', at: key.at, case: toCaseSummary(row), openedBy: openers.get(row.opened_by) ?? unknownAgent(row.opened_by) }]
      : [];
  });
  return { items, nextCursor };
}
