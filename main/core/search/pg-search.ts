import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { foldLatin, gramKeys } from '../../../shared';
import type { DB } from '../../db';
import { entityGramTokens, type GramToken, gramToken, likeContains, splitTerms } from './fts-query';

/**
 * Search on PostgreSQL, answering what the SQLite FTS5 queries answer (migrations 0002, 0004):
 * - a term of 3+ characters: `ILIKE '%term%'`, served by the pg_trgm GIN index on the text, where
 *   SQLite uses the trigram table (a case-insensitive substring match in both);
 * - shorter terms and entity names: containment in the GIN-indexed `text[]` of grams (`gramKeys`),
 *   where SQLite uses the unicode61 2-gram tables: an exact 2-character CJK gram, or a prefix.
 * Rows are ranked by the `rowid` identity column (arrival order), as SQLite ranks by its rowid.
 */

/** Every token's key is in `grams` (`gramKeys`): an exact gram as it is, a prefix of up to 2 characters marked `*`; a longer prefix is checked on the grams. */
function gramsContain(tokens: GramToken[]): RawBuilder<SqlBool> {
  const folded = tokens.map((t) => ({ ...t, text: foldLatin(t.text) }));
  const keys = folded.map((t) => (t.prefix ? `${[...t.text].slice(0, 2).join('')}*` : t.text));
  const longPrefixes = folded.filter((t) => t.prefix && [...t.text].length > 2);
  return sql<SqlBool>`grams @> ${keys}::text[]${sql.join(
    longPrefixes.map((t) => sql` and exists (select 1 from unnest(grams) g where g like ${likePrefix(t.text)} escape '\\')`),
    sql``,
  )}`;
}

function likePrefix(term: string): string {
  return `${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** FTS5 reads a short phrase through its tokenizer, which drops punctuation; the gram keys hold only letters and digits. */
function shortToken(term: string): GramToken {
  const token = gramToken(term);
  return { ...token, text: term.replace(/[^\p{L}\p{N}]/gu, '') || term };
}

/** Rowids of the newest notes containing every term. */
export async function pgNoteRowids(db: Kysely<DB>, terms: string[], limit: number): Promise<number[]> {
  const { long, short } = splitTerms(terms);
  const conditions = [
    ...long.map((t) => sql<SqlBool>`body ilike ${likeContains(t)} escape '\\'`),
    ...(short.length ? [sql<SqlBool>`rowid in (select rowid from notes_grams where ${gramsContain(short.map(shortToken))})`] : []),
  ];
  const rows = await sql<{ rowid: number }>`select rowid from notes where ${sql.join(conditions, sql` and `)}
    order by rowid desc limit ${limit}`.execute(db);
  return rows.rows.map((r) => r.rowid);
}

/** Candidate rows of `customers` or `cases` whose grams hold every term's grams: newest `max` of them, to be confirmed by substring. */
export async function pgEntityCandidates<T>(
  db: Kysely<DB>,
  source: 'customers' | 'cases',
  columns: RawBuilder<unknown>,
  terms: string[],
  max: number,
): Promise<T[]> {
  const grams = source === 'customers' ? sql.table('customer_grams') : sql.table('case_grams');
  const rows = await sql<T>`select ${columns} from ${sql.table(source)} where rowid in (
    select rowid from ${grams} where ${gramsContain(entityGramTokens(terms))} order by rowid desc limit ${max})`.execute(db);
  return rows.rows;
}

/** (Re)writes one row's grams, inside the write transaction that changed the row. */
export async function pgIndexGrams(trx: Kysely<DB>, table: 'notes_grams' | 'customer_grams' | 'case_grams', rowid: number, text: string) {
  await sql`insert into ${sql.table(table)} (rowid, grams) values (${rowid}, ${gramKeys(text)})
    on conflict (rowid) do update set grams = excluded.grams`.execute(trx);
}
