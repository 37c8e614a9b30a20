import { type Kysely, sql } from 'kysely';
import { textGrams } from '../../../shared';
import { type DB, isSqlite } from '../../db';
import { pgIndexGrams } from './pg-search';

/** Adds a new note to the search indexes, inside the note's own write transaction. */
export async function indexNote(trx: Kysely<DB>, noteId: string, body: string): Promise<void> {
  const row = await sql<{ rowid: number }>`select rowid from notes where id = ${noteId}`.execute(trx);
  const rowid = row.rows[0]?.rowid;
  if (rowid === undefined) return;
  // PostgreSQL: pg_trgm indexes the text on the table itself; only the grams are written here.
  if (!isSqlite(trx as Kysely<unknown>)) return pgIndexGrams(trx, 'notes_grams', rowid, body);
  await sql`insert into notes_fts(rowid, body) values (${rowid}, ${body})`.execute(trx);
  await sql`insert into notes_grams(rowid, grams) values (${rowid}, ${textGrams(body)})`.execute(trx);
}
