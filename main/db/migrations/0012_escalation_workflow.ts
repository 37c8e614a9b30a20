import { type Kysely, sql } from 'kysely';
import { isSqlite } from '../dialect';

/**
 * Escalations as a workflow: who owns one, when its level's time limit runs out, values the UI
 * words a system-raised detail with, when it last moved, and what was decided (approved or denied). The old states are renamed to the
 * workflow's: a rejection is a denial, and an approval used up by its commitment is resolved.
 * Rows raised before this get the limits the queue counted with until now (8, 24 and 72 hours for
 * levels 1, 2 and 3), from when they were raised. Touches only the escalations table (0003, 0006).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('escalations').addColumn('owner_id', 'text').execute();
  await db.schema.alterTable('escalations').addColumn('due_at', 'text').execute();
  await db.schema.alterTable('escalations').addColumn('detail_params', 'text').execute();
  await db.schema.alterTable('escalations').addColumn('updated_at', 'text').execute();
  await db.schema.alterTable('escalations').addColumn('decision', 'text').execute();

  // What was decided outlives the state: a denial, once resolved, is still a denial.
  await sql`update escalations set decision = 'approved' where status in ('approved', 'closed') and decided_by is not null`.execute(db);
  await sql`update escalations set decision = 'denied' where status = 'rejected'`.execute(db);

  await sql`update escalations set status = 'denied' where status = 'rejected'`.execute(db);
  await sql`update escalations set status = 'resolved' where status = 'closed'`.execute(db);

  const hours = sql`(case level when 1 then 8 when 3 then 72 else 24 end)`;
  if (isSqlite(db))
    await sql`update escalations set
        due_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+' || ${hours} || ' hours'),
        updated_at = coalesce(decided_at, created_at)`.execute(db);
  else
    await sql`update escalations set
        due_at = to_char((created_at::timestamptz + make_interval(hours => ${hours})) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        updated_at = coalesce(decided_at, created_at)`.execute(db);

  // The queue reads what still waits on someone, by level and owner.
  await db.schema.createIndex('escalations_owner').on('escalations').columns(['owner_id', 'status']).execute();
}
