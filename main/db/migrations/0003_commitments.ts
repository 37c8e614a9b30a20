import type { Kysely } from 'kysely';

/**
 * Policy and promises: what a customer holds (promotions, vouchers), policy decisions with their
 * rules and bundle version, commitments, escalations and approvals, and the customer message outbox.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customer_promotions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prepaid_amount', 'integer', (c) => c.notNull())
    .addColumn('voucher_value', 'integer', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addColumn('voucher_expires_at', 'text')
    .execute();
  await db.schema.createIndex('customer_promotions_customer').on('customer_promotions').column('customer_id').execute();

  await db.schema
    .createTable('decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('actor_id', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('bundle_version', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('rule_ids', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decisions_case').on('decisions').columns(['case_id', 'created_at']).execute();

  await db.schema
    .createTable('escalations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('offer', 'text')
    .addColumn('amount', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('commitment_id', 'text')
    .addColumn('decision_id', 'text', (c) => c.references('decisions.id'))
    .addColumn('raised_by', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('decided_by', 'text', (c) => c.references('agents.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('escalations_case').on('escalations').columns(['case_id', 'created_at']).execute();
  await db.schema.createIndex('escalations_status').on('escalations').columns(['status', 'level', 'created_at']).execute();

  await db.schema
    .createTable('commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('wording', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer')
    .addColumn('owner_id', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('grace_hours', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision_id', 'text', (c) => c.references('decisions.id'))
    .addColumn('escalation_id', 'text', (c) => c.references('escalations.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('alerted_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('resolution_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('commitments_customer').on('commitments').columns(['customer_id', 'status', 'due_at']).execute();
  await db.schema.createIndex('commitments_case').on('commitments').columns(['case_id', 'created_at']).execute();
  await db.schema.createIndex('commitments_open_due').on('commitments').columns(['status', 'due_at']).execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('commitment_id', 'text', (c) => c.references('commitments.id'))
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('to_phone', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('gateway', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('messages_case').on('messages').columns(['case_id', 'created_at']).execute();
  await db.schema.createIndex('messages_queue').on('messages').columns(['status', 'next_attempt_at']).execute();
}
