import type { Kysely } from 'kysely';

/**
 * Sync's remaining rules. It touches only its own tables, so it runs whatever migrations come between.
 *
 * - `sync_conflicts` (team server): a desk's write that the server could not take as it was: a field
 *   changed against an old version that someone else had changed meanwhile (`kind` 'stale_field':
 *   `theirs` is the value kept, `ours` the desk's), or a decision made offline under an older policy
 *   bundle whose answer differs now (`kind` 'policy_changed'). Supervisors see and resolve them.
 * - `desk_holdings` (desk): the customers this desk holds, with when it last opened or wrote them;
 *   a pull names these (partial replication).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sync_conflicts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('field', 'text', (c) => c.notNull())
    /** The version the desk's write was made against (stale_field), or null. */
    .addColumn('base_version', 'integer')
    /** JSON: the value on the server (kept), and the desk's. */
    .addColumn('theirs', 'text', (c) => c.notNull())
    .addColumn('ours', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('mutation_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .execute();
  // The supervisors' list: open ones first, newest first.
  await db.schema.createIndex('sync_conflicts_open').on('sync_conflicts').columns(['resolved_at', 'at']).execute();

  await db.schema
    .createTable('desk_holdings')
    .addColumn('customer_id', 'text', (c) => c.primaryKey())
    .addColumn('touched_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('desk_holdings_touched').on('desk_holdings').columns(['touched_at']).execute();
}
