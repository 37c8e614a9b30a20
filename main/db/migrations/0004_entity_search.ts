import { type Kysely, sql } from 'kysely';
import { gramKeys, textGrams } from '../../../shared/text/grams';
import { isSqlite } from '../dialect';

/**
 * Search over customer names and case titles without scanning: 2-gram FTS5 tables kept in the
 * same transaction as the row. Short texts, so candidates from the grams are confirmed by a
 * substring check. contentless_delete lets a renamed case drop its old grams. On PostgreSQL the
 * grams are a GIN-indexed text[] per row (see `gramKeys`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = isSqlite(db);
  if (sqlite) {
    await sql`create virtual table customer_grams using fts5(grams, content='', contentless_delete=1, tokenize='unicode61')`.execute(db);
    await sql`create virtual table case_grams using fts5(grams, content='', contentless_delete=1, tokenize='unicode61')`.execute(db);
  } else {
    // PostgreSQL: the same grams as an array per row (keyed by the rowid column of 0001), GIN-indexed.
    for (const [table, source] of [
      ['customer_grams', 'customers'],
      ['case_grams', 'cases'],
    ] as const) {
      await sql`create table ${sql.table(table)} (rowid bigint primary key references ${sql.table(source)} (rowid), grams text[] not null)`.execute(
        db,
      );
      await sql`create index ${sql.raw(`${table}_gin`)} on ${sql.table(table)} using gin (grams)`.execute(db);
    }
  }
  const grams = (text: string) => (sqlite ? textGrams(text) : gramKeys(text));
  const customers = await sql<{ rowid: number; name: string }>`select rowid, name from customers`.execute(db);
  for (const c of customers.rows) await sql`insert into customer_grams(rowid, grams) values (${c.rowid}, ${grams(c.name)})`.execute(db);
  const cases = await sql<{ rowid: number; title: string }>`select rowid, title from cases`.execute(db);
  for (const c of cases.rows) await sql`insert into case_grams(rowid, grams) values (${c.rowid}, ${grams(c.title)})`.execute(db);
}
