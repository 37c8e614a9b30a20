import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { AppError, type HistoryItem } from '../../../shared';
import type { DB } from '../../db';
import { agentRefs, caseRefs, type ContactRow, toCaseSummary, toContact, toNote, unknownAgent } from '../read-models';

interface Cursor {
  at: string;
  id: string;
}

// Opaque to callers; base64url so it survives a URL or an IPC hop untouched.
function encodeCursor(key: Cursor): string {
  return Buffer.from(`${key.at}|${key.id}`).toString('base64url');
}
function decodeCursor(cursor: string): Cursor {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id) throw new AppError('invalid_input', 'The history cursor is not valid.', [{ path: 'cursor', message: 'invalid' }]);
  return { at, id };
}

/** Keyset paging, newest first on (time, id): only rows strictly older than the cursor's. */
function olderThan(at: 'started_at' | 'created_at' | 'opened_at', after: Cursor): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref(at)}, id) < (${after.at}, ${after.id})`;
}

type Entry =
  | { kind: 'contact'; at: string; id: string; row: ContactRow }
  | { kind: 'note'; at: string; id: string; row: DB['notes'] }
  | { kind: 'case_opened'; at: string; id: string; row: DB['cases'] };

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const newestFirst = (a: Entry, b: Entry) => compare(b.at, a.at) || compare(b.id, a.id);
const oldestFirst = (a: DB['notes'], b: DB['notes']) => compare(a.created_at, b.created_at) || compare(a.id, b.id);

/**
 * A customer's story across calls, newest first: calls (with notes), notes written outside a call,
 * and cases opened. Each kind is one range of a customer-keyed index (migration 0005), so a page is
 * read from a few adjacent index pages plus the rows shown, never by id one at a time.
 */
export async function customerHistory(
  db: Kysely<DB>,
  customerId: string,
  limit: number,
  cursor: string | null | undefined,
): Promise<{ items: HistoryItem[]; nextCursor: string | null }> {
  const after = cursor ? decodeCursor(cursor) : null;
  const [calls, looseNotes, opened] = await Promise.all([
    db
      .selectFrom('contacts')
      .select(['id', 'customer_id', 'agent_id', 'channel', 'direction', 'started_at'])
      .where('customer_id', '=', customerId)
      .$if(after !== null, (q) => q.where(olderThan('started_at', after!)))
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute(),
    db
      .selectFrom('notes')
      .selectAll()
      .where('customer_id', '=', customerId)
      .where('contact_id', 'is', null)
      .$if(after !== null, (q) => q.where(olderThan('created_at', after!)))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute(),
    db
      .selectFrom('cases')
      .selectAll()
      .where('customer_id', '=', customerId)
      .$if(after !== null, (q) => q.where(olderThan('opened_at', after!)))
      .orderBy('opened_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute(),
  ]);

  const entries: Entry[] = [
    ...calls.map((row) => ({ kind: 'contact' as const, at: row.started_at, id: row.id, row })),
    ...looseNotes.map((row) => ({ kind: 'note' as const, at: row.created_at, id: row.id, row })),
    ...opened.map((row) => ({ kind: 'case_opened' as const, at: row.opened_at, id: row.id, row })),
  ].sort(newestFirst);
  const page = entries.slice(0, limit);
  const nextCursor = entries.length > limit && page.length > 0 ? encodeCursor(page[page.length - 1]!) : null;

  const pageCalls = page.flatMap((e) => (e.kind === 'contact' ? [e.row] : []));
  const pageNotes = page.flatMap((e) => (e.kind === 'note' ? [e.row] : []));
  const pageCases = page.flatMap((e) => (e.kind === 'case_opened' ? [e.row] : []));
  const callIds = pageCalls.map((c) => c.id);

  // A call links only to its own customer's cases (contacts.ts refuses others), so the links are
  // read through the customer's cases: one covering range per case, instead of one look-up per
  // call scattered over the primary key. The cast keeps SQLite's planner off that primary key.
  // The notes are one range of the customer's part of notes_customer_contact; they are put in
  // order here, because an ORDER BY would lead the planner to the time index instead.
  const [links, callNoteRows] = callIds.length
    ? await Promise.all([
        db
          .selectFrom('contact_cases')
          .select(['contact_id', 'case_id'])
          .where('case_id', 'in', db.selectFrom('cases').select('id').where('customer_id', '=', customerId))
          .where(sql<string>`cast(contact_id as text)`, 'in', callIds)
          .execute(),
        db
          .selectFrom('notes')
          .selectAll()
          .where('customer_id', '=', customerId)
          .where('contact_id', 'in', callIds)
          .execute()
          .then((rows) => rows.sort(oldestFirst)),
      ])
    : [[], []];

  const known = new Map(pageCases.map((c) => [c.id, { id: c.id, number: c.number, title: c.title }]));
  const wanted = [...links.map((l) => l.case_id), ...pageNotes.flatMap((n) => (n.case_id ? [n.case_id] : []))].filter(
    (id) => !known.has(id),
  );
  const [fetched, agents] = await Promise.all([
    caseRefs(db, wanted),
    agentRefs(db, [
      ...pageCalls.map((c) => c.agent_id),
      ...pageNotes.map((n) => n.author_id),
      ...callNoteRows.map((n) => n.author_id),
      ...pageCases.map((c) => c.opened_by),
    ]),
  ]);
  const cases = new Map([...known, ...fetched]);
  const callNotes = callNoteRows.map((n) => toNote(n, agents));

  const items = page.map((entry): HistoryItem => {
    switch (entry.kind) {
      case 'contact':
        return { kind: 'contact', at: entry.at, contact: toContact(entry.row, { agents, links, cases, notes: callNotes }) };
      case 'note':
        return {
          kind: 'note',
          at: entry.at,
          note: toNote(entry.row, agents),
          case: entry.row.case_id ? (cases.get(entry.row.case_id) ?? null) : null,
        };
      case 'case_opened':
        return {
          kind: 'case_opened',
          at: entry.at,
          case: toCaseSummary(entry.row),
          openedBy: agents.get(entry.row.opened_by) ?? unknownAgent(entry.row.opened_by),
        };
    }
  });
  return { items, nextCursor };
}
