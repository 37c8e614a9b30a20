import { type Kysely, sql } from 'kysely';
import { gramKeys, textGrams } from '../../../shared/text/grams';
import { isSqlite } from '../dialect';

/**
 * The customer brief: pinned facts, known incidents, per-agent drafts, and the full-text indexes
 * for Chinese search (SQLite FTS5: trigram for terms of 3+ characters, a 2-gram table for shorter ones;
 * PostgreSQL: pg_trgm and a 2-gram array table).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pinned_facts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('note_id', 'text', (c) => c.references('notes.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('unpinned_at', 'text')
    .addColumn('unpinned_by', 'text', (c) => c.references('agents.id'))
    .execute();
  await db.schema.createIndex('pinned_facts_customer').on('pinned_facts').columns(['customer_id', 'unpinned_at', 'created_at']).execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('guidance', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incidents_window').on('incidents').columns(['starts_at', 'ends_at']).execute();

  // Device-local: what an agent is typing, per case. Not a mutation, not synced, not audited.
  await db.schema
    .createTable('drafts')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('drafts_pk', ['case_id', 'agent_id'])
    .execute();

  await db.schema.createIndex('customers_name').on('customers').column('name').execute();

  if (isSqlite(db)) {
    // External-content FTS over notes (append-only, so rows are indexed once, in the note's own transaction).
    await sql`create virtual table notes_fts using fts5(body, content='notes', content_rowid='rowid', tokenize='trigram')`.execute(db);
    // 2-character grams (and latin words), for terms too short for trigram.
    await sql`create virtual table notes_grams using fts5(grams, content='', tokenize='unicode61')`.execute(db);
    await sql`insert into notes_fts(rowid, body) select rowid, body from notes`.execute(db);
    const notes = await sql<{ rowid: number; body: string }>`select rowid, body from notes`.execute(db);
    for (const note of notes.rows)
      await sql`insert into notes_grams(rowid, grams) values (${note.rowid}, ${textGrams(note.body)})`.execute(db);
    return;
  }

  // PostgreSQL: pg_trgm on the note text itself serves ILIKE for terms of 3+ characters (the trigram
  // table's job on SQLite); the 2-grams live in their own table, keyed by the note's rowid, as an
  // array with a GIN index (containment `@>`), for shorter terms.
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create index notes_body_trgm on notes using gin (body gin_trgm_ops)`.execute(db);
  await sql`create table notes_grams (rowid bigint primary key references notes (rowid), grams text[] not null)`.execute(db);
  await sql`create index notes_grams_gin on notes_grams using gin (grams)`.execute(db);
  const notes = await sql<{ rowid: number; body: string }>`select rowid, body from notes`.execute(db);
  for (const note of notes.rows)
    await sql`insert into notes_grams (rowid, grams) values (${note.rowid}, ${gramKeys(note.body)})`.execute(db);
}
