import { type Kysely, sql } from 'kysely';
import {
  AppError,
  type Agent,
  type CaseCategory,
  type CasePriority,
  type PolicyFacts,
  type SuppliedFacts,
  type Tier,
} from '../../../shared';
import { isSqlite } from '../../db';
import type { CoreDeps } from '../context';

const DAY = 86_400_000;
// What a customer says when they are about to take it to the regulator.
const REGULATOR_WORDS = ['工信部', '申诉', '12300', '消费者协会'];

/**
 * Everything the policy tables read about a case, derived from the record: contact counts, days
 * open, broken and overdue commitments, incident overlap, tier, promotion and voucher. The agent's
 * supplied facts fill only what the system cannot know.
 */
export async function gatherFacts(deps: CoreDeps, caseId: string, actor: Agent, supplied: SuppliedFacts = {}): Promise<PolicyFacts> {
  const { db } = deps;
  const now = deps.now();
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

  return {
    category: row.category as CaseCategory,
    priority: row.priority as CasePriority,
    tier: row.tier as Tier,
    level: row.level,
    role: actor.role,
    complaint: row.category === 'conduct_complaint' || row.level >= 2 || Boolean(regulator) || supplied.regulatorMentioned === true,
    contacts7d: Number(contacts.n),
    daysOpen: Math.max(0, Math.floor((now.getTime() - Date.parse(row.opened_at)) / DAY)),
    brokenPromises: promises.filter((p) => p.status === 'broken').length,
    overduePromises: promises.filter((p) => p.status === 'open' && p.due_at < now.toISOString()).length,
    incidentCaused: Boolean(incident),
    regulatorMentioned: supplied.regulatorMentioned ?? Boolean(regulator),
    voucherValue: supplied.voucherValue ?? promotion?.voucher_value ?? 0,
    prepaidAmount: supplied.prepaidAmount ?? promotion?.prepaid_amount ?? 0,
    voucherExpiresAt: promotion?.voucher_expires_at ?? null,
    aboveAuthority: false,
  };
}
