import { type Kysely, sql } from 'kysely';
import { isSqlite } from '../dialect';

/**
 * Supervision: QA reviews of contacts, the contact a conduct complaint is about, closing surveys,
 * when a case was last resolved, and the indexes of the supervisors' dashboard. It touches only
 * tables from 0001–0007, so it runs whatever migrations come between.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('agents.id'))
    /** JSON: [{ item, score, comment }] in scorecard order. */
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reviews_contact_reviewer', ['contact_id', 'reviewer_id'])
    .execute();
  await db.schema.createIndex('reviews_agent_created').on('reviews').columns(['agent_id', 'created_at']).execute();
  await db.schema.createIndex('reviews_created').on('reviews').columns(['created_at']).execute();

  await db.schema
    .createTable('case_complaints')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    /** The agent complained about: the contact's agent. */
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_complaints_agent').on('case_complaints').columns(['agent_id', 'case_id']).execute();

  await db.schema
    .createTable('surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id'))
    /** Who resolved the case: the agent the answer is about. */
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('comment', 'text')
    .addColumn('answered_at', 'text')
    /** 'agent' (typed in on a call) or 'webhook' (the SMS gateway). */
    .addColumn('answered_via', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('agents.id'))
    .execute();
  await db.schema.createIndex('surveys_case').on('surveys').columns(['case_id', 'created_at']).execute();
  await db.schema.createIndex('surveys_answered').on('surveys').columns(['answered_at', 'score', 'agent_id', 'case_id']).execute();

  await db.schema.alterTable('cases').addColumn('resolved_at', 'text').execute();
  await db.schema.alterTable('cases').addColumn('resolved_by', 'text').execute();
  await db.schema
    .createIndex('cases_resolved')
    .on('cases')
    .columns(['resolved_at', 'category', 'priority', 'level', 'opened_at', 'resolved_by', 'customer_id', 'id'])
    .execute();
  await db.schema.createIndex('commitments_settled').on('commitments').columns(['status', 'resolved_at', 'owner_id', 'case_id']).execute();
  // A repeat contact: inbound, from a customer with another inbound contact in the 7 days before (set when the
  // contact is logged; filled in here for the contacts already there).
  await db.schema.alterTable('contacts').addColumn('is_repeat', 'integer').execute();
  const weekBefore = isSqlite(db)
    ? sql`strftime('%Y-%m-%dT%H:%M:%fZ', contacts.started_at, '-7 days')`
    : sql`to_char((contacts.started_at::timestamptz - interval '7 days') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  await sql`update contacts set is_repeat = case when direction = 'inbound' and exists (
      select 1 from contacts p where p.customer_id = contacts.customer_id and p.direction = 'inbound'
        and (p.started_at < contacts.started_at or (p.started_at = contacts.started_at and p.id < contacts.id))
        and p.started_at >= ${weekBefore}) then 1 else 0 end`.execute(db);
  await db.schema
    .createIndex('contacts_started')
    .on('contacts')
    .columns(['started_at', 'direction', 'is_repeat', 'agent_id', 'id'])
    .execute();
  // The SLA chart reads each resolved case's customer tier from the index alone.
  await db.schema.createIndex('customers_tier').on('customers').columns(['id', 'tier']).execute();
  await db.schema
    .createIndex('escalations_open_age')
    .on('escalations')
    .columns(['status', 'created_at', 'level', 'raised_by', 'case_id'])
    .execute();
}
