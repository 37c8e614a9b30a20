import { type Kysely, type RawBuilder, sql } from 'kysely';
import { normalisePhone, type SearchResults, searchTerms } from '../../../shared';
import { type DB, isSqlite } from '../../db';
import { caseRefs, customerSummaries, hydrateNotes, toCaseSummary } from '../read-models';
import { gramsMatch, likeContains, noteMatch } from './fts-query';
import { hit, snippet } from './highlight';
import { pgEntityCandidates, pgNoteRowids } from './pg-search';

const collator = new Intl.Collator('zh-CN');

/** "2611 0418", "c26110418", "C-2611-04" → the range of case numbers that start that way. */
function caseNumberPrefix(query: string): string | null {
  const compact = query.replace(/[\s-]/g, '').toUpperCase().replace(/^C/, '');
  if (!/^\d{2,8}$/.test(compact)) return null;
  return compact.length <= 4 ? `C-${compact}` : `C-${compact.slice(0, 4)}-${compact.slice(4)}`;
}

async function searchNotes(db: Kysely<DB>, terms: string[], limit: number): Promise<number[]> {
  if (!isSqlite(db as Kysely<unknown>)) return pgNoteRowids(db, terms, limit);
  const { trigram, grams } = noteMatch(terms);
  // Newest first: bounded work however common the term is, and recency is what an agent wants.
  if (trigram && grams) {
    const rows = await sql<{ rowid: number }>`
      select rowid from notes_fts where notes_fts match ${trigram}
        and rowid in (select rowid from notes_grams where notes_grams match ${grams})
      order by rowid desc limit ${limit}`.execute(db);
    return rows.rows.map((r) => r.rowid);
  }
  const table = trigram ? sql.raw('notes_fts') : sql.raw('notes_grams');
  const rows = await sql<{
    rowid: number;
  }>`select rowid from ${table} where ${table} match ${trigram ?? grams} order by rowid desc limit ${limit}`.execute(db);
  return rows.rows.map((r) => r.rowid);
}

/** Rows whose name or title may hold every term: the newest `max` by the 2-gram index, to be confirmed by substring. */
async function entityCandidates<T>(
  db: Kysely<DB>,
  source: 'customers' | 'cases',
  columns: RawBuilder<unknown>,
  terms: string[],
  max: number,
): Promise<T[]> {
  if (!isSqlite(db as Kysely<unknown>)) return pgEntityCandidates<T>(db, source, columns, terms, max);
  const grams = sql.raw(source === 'customers' ? 'customer_grams' : 'case_grams');
  const rows = await sql<T>`
    select ${columns} from ${sql.raw(source)} where rowid in (
      select rowid from ${grams} where ${grams} match ${gramsMatch(terms)} order by rowid desc limit ${max})`.execute(db);
  return rows.rows;
}

async function searchCustomers(db: Kysely<DB>, query: string, terms: string[], limit: number): Promise<string[]> {
  const phone = normalisePhone(query);
  if (phone) {
    const row = await db.selectFrom('customer_phones').select('customer_id').where('e164', '=', phone).executeTakeFirst();
    if (row) return [row.customer_id];
  }
  const digits = terms.map((t) => t.replace(/[\s+()-]/g, '')).filter((t) => /^\d{3,}$/.test(t));
  if (digits.length > 0 && digits.length === terms.length) {
    // Part of a number: the phone table is small per row, and this is rare enough to scan.
    const rows = await sql<{ customer_id: string }>`select customer_id from customer_phones where ${sql.join(
      digits.map((d) => sql`e164 like ${likeContains(d)} escape '\\'`),
      sql` and `,
    )} limit ${limit * 5}`.execute(db);
    return [...new Set(rows.rows.map((r) => r.customer_id))];
  }
  const rows = await entityCandidates<{ id: string; name: string }>(db, 'customers', sql`id, name`, terms, limit * 20);
  return rows.filter((r) => terms.every((t) => r.name.toLowerCase().includes(t))).map((r) => r.id);
}

async function searchCases(db: Kysely<DB>, query: string, terms: string[], limit: number): Promise<DB['cases'][]> {
  const prefix = caseNumberPrefix(query);
  if (prefix) {
    const upper = `${prefix}\uffff`;
    return db
      .selectFrom('cases')
      .selectAll()
      .where('number', '>=', prefix)
      .where('number', '<', upper)
      .orderBy('number')
      .limit(limit)
      .execute();
  }
  const rows = await entityCandidates<DB['cases']>(db, 'cases', sql`*`, terms, limit * 20);
  return rows
    .filter((r) => terms.every((t) => r.title.toLowerCase().includes(t)))
    .sort((a, b) => (a.opened_at < b.opened_at ? 1 : a.opened_at > b.opened_at ? -1 : 0))
    .slice(0, limit);
}

/**
 * Ctrl+K: customers by name or phone, cases by number or title, notes by text (Chinese or English).
 * Grouped; customers ranked exact name first then by name in Chinese order, cases and notes newest first.
 */
export async function globalSearch(db: Kysely<DB>, query: string, limit: number): Promise<SearchResults> {
  const terms = searchTerms(query);
  if (terms.length === 0) return { customers: [], cases: [], notes: [] };

  const numberPrefix = caseNumberPrefix(query.trim());
  const [customerIds, caseRows, noteRowids] = await Promise.all([
    searchCustomers(db, query.trim(), terms, limit),
    searchCases(db, query.trim(), terms, limit),
    searchNotes(db, terms, limit),
  ]);

  const noteRows = noteRowids.length
    ? await sql<DB['notes'] & { rowid: number }>`select rowid, * from notes where rowid in (${sql.join(noteRowids)})`
        .execute(db)
        .then((r) => r.rows)
    : [];
  noteRows.sort((a, b) => b.rowid - a.rowid);
  const ownerIds = [...new Set([...customerIds, ...caseRows.map((c) => c.customer_id), ...noteRows.map((n) => n.customer_id)])];
  const [owners, notes, noteCases] = await Promise.all([
    customerSummaries(db, ownerIds),
    hydrateNotes(db, noteRows),
    caseRefs(
      db,
      noteRows.flatMap((n) => (n.case_id ? [n.case_id] : [])),
    ),
  ]);

  const customers = customerIds
    .flatMap((id) => owners.get(id) ?? [])
    .sort((a, b) => Number(b.name === query.trim()) - Number(a.name === query.trim()) || collator.compare(a.name, b.name))
    .slice(0, limit)
    .map((customer) => ({
      customer,
      name: hit(customer.name, terms),
      phone: hit(
        customer.phones[0]?.e164 ?? '',
        terms.map((t) => t.replace(/\D/g, '')).filter((d) => d.length >= 3),
      ),
    }));

  return {
    customers,
    cases: caseRows.map((row) => ({
      case: toCaseSummary(row),
      customerId: row.customer_id,
      customerName: owners.get(row.customer_id)?.name ?? '',
      number: hit(row.number, numberPrefix ? [numberPrefix.toLowerCase()] : []),
      title: hit(row.title, terms),
    })),
    notes: notes.map((note) => ({
      noteId: note.id,
      customerId: note.customerId,
      customerName: owners.get(note.customerId)?.name ?? '',
      caseRef: note.caseId ? (noteCases.get(note.caseId) ?? null) : null,
      author: note.author,
      createdAt: note.createdAt,
      snippet: snippet(note.body, terms),
    })),
  };
}
