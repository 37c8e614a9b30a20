import type { Kysely } from 'kysely';

/**
 * Desks signed in against the team server. A desk holds a short-lived access token and a refresh
 * token; both are stored here by their sha256 only. Tokens issued from one sign-in share a `family_id`:
 * each refresh marks the old refresh token `used_at` and issues a new pair in the family, so a second
 * use of a refresh token (stolen, replayed) revokes the whole family. `client_id` is the desk the
 * family belongs to: that desk's id is the only one its tokens may push or pull as.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('desk_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    /** 'access' or 'refresh' */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('family_id', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('desk_tokens_family').on('desk_tokens').column('family_id').execute();
  await db.schema.createIndex('desk_tokens_agent').on('desk_tokens').columns(['agent_id', 'revoked_at']).execute();
}
