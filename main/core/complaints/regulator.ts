import type { Kysely } from 'kysely';
import type { DB } from '../../db';
import { REGULATOR_WORDS } from '../promises/policy-facts';
import { CONDUCT_COMPLAINT } from './complaints';

/** The regulator gives an operator 15 days, from when the complaint was filed (the case opened), to answer it. */
export const REGULATOR_DAYS = 15;
const DAY = 86_400_000;
/** Escalation reasons that make a case a complaint (policy's triggers and a filed conduct complaint). */
const COMPLAINT_REASONS = ['regulator', 'conduct', CONDUCT_COMPLAINT];

/**
 * The regulator's deadline for each of these cases that is a complaint: a conduct complaint, a case
 * with the complaint centre (level 3), one escalated for a complaint reason, or one where the
 * customer mentioned the regulator in a note since it opened. Cases that are not complaints are absent.
 */
export async function regulatorDeadlines(db: Kysely<DB>, caseIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(caseIds)];
  if (ids.length === 0) return new Map();
  const [cases, flagged] = await Promise.all([
    db.selectFrom('cases').select(['id', 'customer_id', 'category', 'level', 'opened_at']).where('id', 'in', ids).execute(),
    db
      .selectFrom('escalations')
      .select('case_id')
      .distinct()
      .where('case_id', 'in', ids)
      .where((eb) => eb.or([eb('reason', 'in', COMPLAINT_REASONS), eb('level', '>=', 3)]))
      .execute(),
  ]);
  const complaint = new Set(flagged.map((r) => r.case_id));
  for (const c of cases) if (c.category === CONDUCT_COMPLAINT || c.level >= 3) complaint.add(c.id);
  const rest = cases.filter((c) => !complaint.has(c.id));
  if (rest.length > 0) {
    const mentions = await db
      .selectFrom('notes')
      .select(['customer_id', 'created_at'])
      .where('customer_id', 'in', [...new Set(rest.map((c) => c.customer_id))])
      .where((eb) => eb.or(REGULATOR_WORDS.map((w) => eb('body', 'like', `%${w}%`))))
      .execute();
    for (const c of rest) if (mentions.some((n) => n.customer_id === c.customer_id && n.created_at >= c.opened_at)) complaint.add(c.id);
  }
  return new Map(
    cases.filter((c) => complaint.has(c.id)).map((c) => [c.id, new Date(Date.parse(c.opened_at) + REGULATOR_DAYS * DAY).toISOString()]),
  );
}
