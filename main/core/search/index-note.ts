import { type Kysely, sql } from 'kysely';
import { textGrams } from '../../../shared';
import { type DB, isSqlite } from '../../db';

/** Adds a new note to the search indexes, inside the note's own write transaction. */
export async function indexNote(trx: Kysely<DB>, noteId: string, body: string): Promise<void> {
  if (!isSqlite(trx as Kysely<unknown>)) return; // PostgreSQL indexes notes with pg_trgm on the table itself
  const row = await sql<{ rowid: number }>`select rowid from notes where id = ${noteId}`.execute(trx);
  const rowid = row.rows[0]?.rowid;
  if (rowid === undefined) return;
  await sql`insert into notes_fts(rowid, body) values (${rowid}, ${body})`.execute(trx);
  await sql`insert into notes_grams(rowid, grams) values (${rowid}, ${textGrams(body)})`.execute(trx);
}
