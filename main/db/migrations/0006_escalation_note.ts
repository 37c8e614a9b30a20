import type { Kysely } from 'kysely';

/** The supervisor's note on approving or rejecting a request, kept on the escalation so the agent who asked reads why. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('escalations').addColumn('decision_note', 'text').execute();
}
