import { type Kysely, sql } from 'kysely';
import { isSqlite } from '../dialect';

const GENESIS_HASH = '0'.repeat(64);

/**
 * The audit chain's head (last seq, last hash, row count) kept outside the chain rows, moved by a
 * trigger on every insert, so deleting the tail of the chain no longer goes unnoticed: the chain
 * would end short of its head. Audit rows and notes become append-only in the database itself:
 * UPDATE and DELETE on them are refused, and the head only moves forward. Core's write path is
 * unchanged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = isSqlite(db);
  await sql`create table audit_head (
    id integer primary key check (id = 1),
    seq ${sql.raw(sqlite ? 'integer' : 'bigint')} not null,
    hash text not null,
    count ${sql.raw(sqlite ? 'integer' : 'bigint')} not null
  )`.execute(db);
  await sql`insert into audit_head (id, seq, hash, count)
    select 1, coalesce(max(seq), 0), coalesce((select hash from audit_log order by seq desc limit 1), ${GENESIS_HASH}), count(*)
    from audit_log`.execute(db);

  if (sqlite) {
    await sql`create trigger audit_log_head after insert on audit_log begin
      update audit_head set seq = new.seq, hash = new.hash, count = count + 1 where id = 1;
    end`.execute(db);
    for (const [table, what] of [
      ['audit_log', 'audit rows'],
      ['notes', 'notes'],
    ] as const)
      for (const op of ['update', 'delete'] as const)
        await sql`create trigger ${sql.raw(`${table}_no_${op}`)} before ${sql.raw(op)} on ${sql.table(table)} begin
          select raise(abort, ${sql.lit(`${what} are append-only`)});
        end`.execute(db);
    await sql`create trigger audit_head_forward before update on audit_head when new.count < old.count begin
      select raise(abort, 'the audit head only moves forward');
    end`.execute(db);
    await sql`create trigger audit_head_no_delete before delete on audit_head begin
      select raise(abort, 'the audit head only moves forward');
    end`.execute(db);
    return;
  }

  await sql`create function kept_audit_head() returns trigger language plpgsql as $$
    begin
      update audit_head set seq = new.seq, hash = new.hash, count = count + 1 where id = 1;
      return null;
    end $$`.execute(db);
  await sql`create trigger audit_log_head after insert on audit_log for each row execute function kept_audit_head()`.execute(db);
  await sql`create function kept_append_only() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only', tg_table_name using errcode = 'restrict_violation';
    end $$`.execute(db);
  for (const table of ['audit_log', 'notes']) {
    await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
      for each row execute function kept_append_only()`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function kept_append_only()`.execute(db);
  }
  await sql`create function kept_audit_head_forward() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' or new.count < old.count then
        raise exception 'the audit head only moves forward' using errcode = 'restrict_violation';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger audit_head_forward before update or delete on audit_head
    for each row execute function kept_audit_head_forward()`.execute(db);
}
