import { type Kysely, sql } from 'kysely';
import { textGrams } from '../../../shared';
import { type DB, isSqlite } from '../../db';
import { pgIndexGrams } from './pg-search';

type Table = 'customer_grams' | 'case_grams';
const SOURCE: Record<Table, { table: 'customers' | 'cases'; column: 'name' | 'title' }> = {
  customer_grams: { table: 'customers', column: 'name' },
  case_grams: { table: 'cases', column: 'title' },
};

/** (Re)indexes one customer name or case title, inside the write transaction that changed it. */
export async function indexEntity(trx: Kysely<DB>, table: Table, id: string): Promise<void> {
  const { table: source, column } = SOURCE[table];
  const row = await sql<{
    rowid: number;
    text: string;
  }>`select rowid, ${sql.ref(column)} as text from ${sql.table(source)} where id = ${id}`.execute(trx);
  const found = row.rows[0];
  if (!found) return;
  if (!isSqlite(trx as Kysely<unknown>)) return pgIndexGrams(trx, table, found.rowid, found.text);
  await sql`delete from ${sql.table(table)} where rowid = ${found.rowid}`.execute(trx);
  await sql`insert into ${sql.table(table)}(rowid, grams) values (${found.rowid}, ${textGrams(found.text)})`.execute(trx);
}
