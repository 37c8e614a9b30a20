import type { Kysely } from 'kysely';

/**
 * Who may sign in: a team and a `disabled` flag on agents; scrypt credentials (hash, salt and
 * parameters, never the password); sessions, stored by the sha256 of their token only; and per
 * employee number, the failed sign-ins that lock an account out for a while.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The same DDL on both dialects: `disabled` is 0/1 (SQLite has no boolean), so core reads and writes it one way.
  await db.schema.alterTable('agents').addColumn('team', 'text').execute();
  await db.schema
    .alterTable('agents')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('credentials')
    .addColumn('agent_id', 'text', (c) => c.primaryKey().references('agents.id'))
    .addColumn('algorithm', 'text', (c) => c.notNull())
    /** JSON: the scrypt cost parameters the hash was made with, so they can be raised later. */
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('salt', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('sessions_agent').on('sessions').columns(['agent_id', 'expires_at']).execute();

  // Keyed by the employee number as typed, so an unknown number locks out exactly like a known one.
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('employee_no', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('first_failed_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
}
