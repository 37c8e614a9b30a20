import { type Kysely, sql } from 'kysely';

/**
 * What authority checks need to hold for any request: which request a mutation id was first used
 * for (a reused id with other arguments is a conflict), how often and from what deadline a
 * commitment was moved (moving is limited by policy), and which facts of a decision the agent
 * supplied rather than the record holding them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('applied_mutations').addColumn('request', 'text').execute();
  await db.schema
    .alterTable('commitments')
    .addColumn('reschedules', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('commitments').addColumn('first_due_at', 'text').execute();
  await sql`update commitments set first_due_at = due_at`.execute(db);
  await db.schema.alterTable('decisions').addColumn('supplied', 'text').execute();
}
