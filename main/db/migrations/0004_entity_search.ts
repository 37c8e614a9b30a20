import { type Kysely, sql } from 'kysely';
import { textGrams } from '../../../shared/text/grams';
import { isSqlite } from '../dialect';

/**
 * Search over customer names and case titles without scanning: 2-gram FTS5 tables kept in the
 * same transaction as the row. Short texts, so candidates from the grams are confirmed by a
 * substring check. contentless_delete lets a renamed case drop its old grams.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isSqlite(db)) return; // PostgreSQL searches names and titles with pg_trgm indexes
  await sql`create virtual table customer_grams using fts5(grams, content='', contentless_delete=1, tokenize='unicode61')`.execute(db);
  await sql`create virtual table case_grams using fts5(grams, content='', contentless_delete=1, tokenize='unicode61')`.execute(db);
  const customers = await sql<{ rowid: number; name: string }>`select rowid, name from customers`.execute(db);
  for (const c of customers.rows) await sql`insert into customer_grams(rowid, grams) values (${c.rowid}, ${textGrams(c.name)})`.execute(db);
  const cases = await sql<{ rowid: number; title: string }>`select rowid, title from cases`.execute(db);
  for (const c of cases.rows) await sql`insert into case_grams(rowid, grams) values (${c.rowid}, ${textGrams(c.title)})`.execute(db);
}
