import type { Kysely } from 'kysely';
import type { DB } from '../db';

/** A desk holds the customers it opened or wrote in the last this many days... */
export const HOLD_DAYS = 30;
/** ...and at most this many of them, the most recent first (a pull names them all). */
export const HOLD_MAX = 2000;

/** This desk opened the customer (a screen pop): hold them, as of `at`. */
export async function touchHolding(db: Kysely<DB>, customerId: string, at: Date): Promise<void> {
  const touched_at = at.toISOString();
  await db
    .insertInto('desk_holdings')
    .values({ customer_id: customerId, touched_at })
    .onConflict((oc) => oc.column('customer_id').doUpdateSet({ touched_at }))
    .execute();
}

/** A write here touched the customer: hold them if not held yet (an open refreshes, a write does not need to). */
export async function holdCustomer(db: Kysely<DB>, customerId: string, at: Date): Promise<void> {
  await db
    .insertInto('desk_holdings')
    .values({ customer_id: customerId, touched_at: at.toISOString() })
    .onConflict((oc) => oc.column('customer_id').doNothing())
    .execute();
}

export async function isHeld(db: Kysely<DB>, customerId: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('desk_holdings')
    .select('customer_id')
    .where('customer_id', '=', customerId)
    .where('touched_at', '>=', since(now))
    .executeTakeFirst();
  return row !== undefined;
}

/** The customers a pull names: touched within HOLD_DAYS, newest first, at most HOLD_MAX. Older ones are let go. */
export async function heldCustomerIds(db: Kysely<DB>, now: Date): Promise<string[]> {
  await db.deleteFrom('desk_holdings').where('touched_at', '<', since(now)).execute();
  const rows = await db.selectFrom('desk_holdings').select('customer_id').orderBy('touched_at', 'desc').limit(HOLD_MAX).execute();
  return rows.map((r) => r.customer_id);
}

function since(now: Date): string {
  return new Date(now.getTime() - HOLD_DAYS * 86_400_000).toISOString();
}
