import type { Kysely } from 'kysely';
import { isSqlite } from '../dialect';

/**
 * Sync between desks and the team server.
 *
 * - `sync_clients`: each desk (client id) that has pushed, bound to the actor of its first push, and
 *   the last push sequence number the server applied for it (a push must continue from there).
 * - `changes`: the server's change log. Every row a pushed mutation touched gets a `change_seq`
 *   (identity / autoincrement, so it only grows) in the same transaction; desks pull it in that order.
 *
 * Desks run the same migration; they keep their pull cursor in `meta`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = isSqlite(db);
  await db.schema
    .createTable('sync_clients')
    .addColumn('client_id', 'text', (c) => c.primaryKey())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('changes')
    .addColumn('change_seq', sqlite ? 'integer' : 'bigint', (c) =>
      sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity(),
    )
    .addColumn('mutation_id', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  // Pull: the changes after a cursor for the customers a desk holds, in order.
  await db.schema.createIndex('changes_customer').on('changes').columns(['customer_id', 'change_seq']).execute();
}
