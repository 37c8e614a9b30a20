import { type Kysely, sql } from 'kysely';
import { isSqlite } from '../dialect';

/**
 * Reads for the audit viewer and the two dashboard charts that were slow at scale.
 *
 * - `audit_log_actor (actor_id, seq)`: one person's audit rows, newest first, one index range
 *   (the viewer's per-case reads use `audit_log_entity` of 0001).
 * - `cases.customer_tier`: the customer's tier copied onto each case and kept equal to it by
 *   triggers (a case is inserted, moves customer, or its customer's tier changes), so the SLA chart
 *   reads every resolved case of a window from `cases_resolved` alone instead of looking each
 *   customer up. `cases_resolved` is re-created with the column.
 * - `contact_days (day, agent_id, inbound, repeats)`: inbound contacts and repeats per Beijing day
 *   and agent, kept by triggers on `contacts` (insert, update of the counted columns, delete), so
 *   the repeat-contact chart sums about 30 × agents counter rows instead of every inbound contact.
 *   The day is the same expression the chart grouped by before.
 *
 * Triggers rather than core code: every path that writes these rows (a mutation, a desk's pull, the
 * demo data, a bulk load) keeps the copies right.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = isSqlite(db);
  await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'seq']).execute();

  await db.schema.alterTable('cases').addColumn('customer_tier', 'text').execute();
  await sql`update cases set customer_tier = (select tier from customers where customers.id = cases.customer_id)`.execute(db);
  await db.schema.dropIndex('cases_resolved').execute();
  await db.schema
    .createIndex('cases_resolved')
    .on('cases')
    .columns(['resolved_at', 'category', 'priority', 'level', 'customer_tier', 'opened_at', 'resolved_by', 'customer_id', 'id'])
    .execute();

  await db.schema
    .createTable('contact_days')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text', (c) => c.notNull())
    .addColumn('inbound', 'integer', (c) => c.notNull())
    .addColumn('repeats', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_days_pk', ['day', 'agent_id'])
    // On SQLite the rows live in the primary key itself: a window is one range read.
    .$call((t) => (sqlite ? t.modifyEnd(sql`without rowid`) : t))
    .execute();
  const day = (column: string) =>
    sqlite
      ? sql`substr(datetime(${sql.raw(column)}, '+8 hours'), 1, 10)`
      : sql`to_char(${sql.raw(column)}::timestamptz at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
  await sql`insert into contact_days (day, agent_id, inbound, repeats)
    select ${day('started_at')}, agent_id, count(*), sum(case when is_repeat = 1 then 1 else 0 end)
    from contacts where direction = 'inbound' group by 1, 2`.execute(db);

  if (sqlite) await sqliteTriggers(db, day);
  else await postgresTriggers(db, day);
}

type DayOf = (column: string) => ReturnType<typeof sql>;

async function sqliteTriggers(db: Kysely<unknown>, day: DayOf): Promise<void> {
  await sql`create trigger cases_tier_insert after insert on cases begin
    update cases set customer_tier = (select tier from customers where id = new.customer_id) where id = new.id;
  end`.execute(db);
  await sql`create trigger cases_tier_move after update of customer_id on cases begin
    update cases set customer_tier = (select tier from customers where id = new.customer_id) where id = new.id;
  end`.execute(db);
  await sql`create trigger customers_tier_cases after update of tier on customers when new.tier is not old.tier begin
    update cases set customer_tier = new.tier where customer_id = new.id;
  end`.execute(db);

  const add = sql`insert into contact_days (day, agent_id, inbound, repeats)
      select ${day('new.started_at')}, new.agent_id, 1, case when new.is_repeat = 1 then 1 else 0 end where new.direction = 'inbound'
      on conflict (day, agent_id) do update set inbound = inbound + 1, repeats = repeats + excluded.repeats;`;
  const remove = sql`update contact_days set inbound = inbound - 1, repeats = repeats - case when old.is_repeat = 1 then 1 else 0 end
      where old.direction = 'inbound' and day = ${day('old.started_at')} and agent_id = old.agent_id;`;
  await sql`create trigger contact_days_insert after insert on contacts begin ${add} end`.execute(db);
  await sql`create trigger contact_days_update after update of started_at, direction, is_repeat, agent_id on contacts begin
    ${remove} ${add}
  end`.execute(db);
  await sql`create trigger contact_days_delete after delete on contacts begin ${remove} end`.execute(db);
}

async function postgresTriggers(db: Kysely<unknown>, day: DayOf): Promise<void> {
  await sql`create function kept_case_tier() returns trigger language plpgsql as $$
    begin
      new.customer_tier := (select tier from customers where id = new.customer_id);
      return new;
    end $$`.execute(db);
  await sql`create trigger cases_tier before insert or update of customer_id on cases
    for each row execute function kept_case_tier()`.execute(db);
  await sql`create function kept_customer_tier_cases() returns trigger language plpgsql as $$
    begin
      update cases set customer_tier = new.tier where customer_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`create trigger customers_tier_cases after update of tier on customers
    for each row when (new.tier is distinct from old.tier) execute function kept_customer_tier_cases()`.execute(db);

  await sql`create function kept_contact_days() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') and old.direction = 'inbound' then
        update contact_days set inbound = inbound - 1, repeats = repeats - case when old.is_repeat = 1 then 1 else 0 end
          where day = ${day('old.started_at')} and agent_id = old.agent_id;
      end if;
      if tg_op in ('INSERT', 'UPDATE') and new.direction = 'inbound' then
        insert into contact_days (day, agent_id, inbound, repeats)
          values (${day('new.started_at')}, new.agent_id, 1, case when new.is_repeat = 1 then 1 else 0 end)
          on conflict (day, agent_id) do update
            set inbound = contact_days.inbound + 1, repeats = contact_days.repeats + excluded.repeats;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger contact_days_count after insert or update of started_at, direction, is_repeat, agent_id or delete on contacts
    for each row execute function kept_contact_days()`.execute(db);
}
