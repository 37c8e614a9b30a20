import type { Kysely } from 'kysely';

/**
 * Policy bundles an administrator published. Each row is one whole bundle (its four tables as JSON),
 * its version (sha256 of the canonical tables, as `decisions.bundle_version` records it), who published
 * it, when and why. The active bundle is the latest row; with no rows, the bundle the host shipped or was
 * given. Publishing an older bundle again is a new row with that old version.
 *
 * Simulation re-reads the last 30 days of decisions, hence the index on `decisions.created_at`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('policy_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('files', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('policy_versions_published').on('policy_versions').columns(['published_at', 'id']).execute();
  await db.schema.createIndex('decisions_created').on('decisions').columns(['created_at']).execute();
}
