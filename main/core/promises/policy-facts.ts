import { type Kysely, sql } from 'kysely';
import {
  AppError,
  type CaseCategory,
  type CasePriority,
  type PolicyFacts,
  type Role,
  type SuppliedFacts,
  type Tier,
} from '../../../shared';
import { type DB, isSqlite } from '../../db';

const DAY = 86_400_000;
// What a customer says when they are about to take it to the regulator.
export const REGULATOR_WORDS = ['工信部', '申诉', '12300', '消费者协会'];

export interface GatheredFacts {
  facts: PolicyFacts;
  /** The supplied facts that counted: the record had none of them. Stored with the decision, as supplied. */
  supplied: SuppliedFacts;
}

/**
 * Everything the policy tables read about a case, derived from the record: contact counts, days
 * open, broken and overdue commitments, incident overlap, tier, promotion and voucher. Facts on
 * record win: the agent's supplied facts fill only what the record does not hold, and a supplied
 * fact can raise a trigger (a regulator mention the record missed) but never lower a recorded one.
 * Reads through `db`, which inside a write is the write's own transaction.
 */
export async function gatherFacts(
  db: Kysely<DB>,
  now: Date,
  caseId: string,
  role: Role,
  offered: SuppliedFacts = {},
): Promise<GatheredFacts> {
  const row = await db
    .selectFrom('cases')
    .innerJoin('customers', 'customers.id', 'cases.customer_id')
    .select(['cases.id', 'cases.customer_id', 'cases.category', 'cases.priority', 'cases.level', 'cases.opened_at', 'customers.tier'])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `No case ${caseId}.`, [{ path: 'caseId', message: 'not_found' }]);
  const since = new Date(now.getTime() - 7 * DAY).toISOString();

  const [contacts, promises, incident, regulator, promotion] = await Promise.all([
    db
      .selectFrom('contact_cases')
      .innerJoin('contacts', 'contacts.id', 'contact_cases.contact_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('contact_cases.case_id', '=', caseId)
      .where('contacts.direction', '=', 'inbound')
      .where('contacts.started_at', '>=', since)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('commitments')
      .select(['status', 'due_at'])
      .where('customer_id', '=', row.customer_id)
      .where('status', 'in', ['open', 'broken'])
      .execute(),
    db
      .selectFrom('incidents')
      .select('id')
      .where('starts_at', '<=', now.toISOString())
      .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>=', row.opened_at)]))
      .where(
        isSqlite(db as Kysely<unknown>)
          ? sql<boolean>`exists (select 1 from json_each(incidents.categories) where value = ${row.category})`
          : sql<boolean>`exists (select 1 from jsonb_array_elements_text(incidents.categories::jsonb) as c(value) where value = ${row.category})`,
      )
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('notes')
      .select('id')
      .where('customer_id', '=', row.customer_id)
      .where('created_at', '>=', row.opened_at)
      .where((eb) => eb.or(REGULATOR_WORDS.map((w) => eb('body', 'like', `%${w}%`))))
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('customer_promotions')
      .selectAll()
      .where('customer_id', '=', row.customer_id)
      .orderBy('joined_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);

  const supplied: SuppliedFacts = {
    ...(offered.regulatorMentioned === true && !regulator ? { regulatorMentioned: true } : {}),
    ...(offered.voucherValue !== undefined && promotion?.voucher_value == null ? { voucherValue: offered.voucherValue } : {}),
    ...(offered.prepaidAmount !== undefined && promotion?.prepaid_amount == null ? { prepaidAmount: offered.prepaidAmount } : {}),
  };
  const regulatorMentioned = Boolean(regulator) || supplied.regulatorMentioned === true;
  const facts: PolicyFacts = {
    category: row.category as CaseCategory,
    priority: row.priority as CasePriority,
    tier: row.tier as Tier,
    level: row.level,
    role,
    complaint: row.category === 'conduct_complaint' || row.level >= 2 || regulatorMentioned,
    contacts7d: Number(contacts.n),
    daysOpen: Math.max(0, Math.floor((now.getTime() - Date.parse(row.opened_at)) / DAY)),
    brokenPromises: promises.filter((p) => p.status === 'broken').length,
    overduePromises: promises.filter((p) => p.status === 'open' && p.due_at < now.toISOString()).length,
    incidentCaused: Boolean(incident),
    regulatorMentioned,
    voucherValue: promotion?.voucher_value ?? supplied.voucherValue ?? 0,
    prepaidAmount: promotion?.prepaid_amount ?? supplied.prepaidAmount ?? 0,
    voucherExpiresAt: promotion?.voucher_expires_at ?? null,
    aboveAuthority: false,
  };
  return { facts, supplied };
}
