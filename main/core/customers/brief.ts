import type { Kysely } from 'kysely';
import { AppError, type Brief, type BriefCase, type RepeatLevel } from '../../../shared';
import type { DB } from '../../db';
import { listFacts } from '../facts/facts';
import { incidentsFor, listIncidents } from '../incidents/incidents';
import { commitmentsOf } from '../promises/read';
import { customerSummaries, hydrateContacts, toCaseSummary } from '../read-models';

export const OPEN_STATUSES = ['open', 'pending_customer', 'pending_internal'] as const;
const WEEK_MS = 7 * 86_400_000;
const LAST_CONTACTS = 3;
const GIST_CHARS = 90;

/** 2+ contacts about one case in 7 days is a repeat; 3+ is a strong one. */
export function repeatLevel(contacts7d: number): RepeatLevel {
  if (contacts7d >= 3) return 'strong';
  if (contacts7d >= 2) return 'repeat';
  return 'none';
}

function gist(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > GIST_CHARS ? `${chars.slice(0, GIST_CHARS - 1).join('')}…` : chars.join('');
}

/**
 * The customer brief: open cases with their age and repeat-contact count, pinned facts, the last
 * three contacts, and the known incidents touching an open case. One read, every part indexed.
 */
export async function customerBrief(db: Kysely<DB>, customerId: string, now: Date): Promise<Brief> {
  const since = new Date(now.getTime() - WEEK_MS).toISOString();
  const [summaries, caseRows, lastIds, weekCount, pinnedFacts, incidents, commitments] = await Promise.all([
    customerSummaries(db, [customerId]),
    db
      .selectFrom('cases')
      .selectAll()
      .where('customer_id', '=', customerId)
      .where('status', 'in', [...OPEN_STATUSES])
      .orderBy('opened_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    db
      .selectFrom('contacts')
      .select('id')
      .where('customer_id', '=', customerId)
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(LAST_CONTACTS)
      .execute(),
    db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('customer_id', '=', customerId)
      .where('started_at', '>=', since)
      .where('direction', '=', 'inbound')
      .executeTakeFirstOrThrow(),
    listFacts(db, customerId),
    listIncidents(db, now, true),
    commitmentsOf(db, { customerId }, now),
  ]);
  const customer = summaries.get(customerId);
  if (!customer) throw new AppError('not_found', `No customer ${customerId}.`, [{ path: 'customerId', message: 'not_found' }]);

  const caseIds = caseRows.map((c) => c.id);
  const [perCase, contacts] = await Promise.all([
    caseIds.length
      ? db
          .selectFrom('contact_cases')
          .innerJoin('contacts', 'contacts.id', 'contact_cases.contact_id')
          .select(['contact_cases.case_id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('contact_cases.case_id', 'in', caseIds)
          .where('contacts.started_at', '>=', since)
          .where('contacts.direction', '=', 'inbound')
          .groupBy('contact_cases.case_id')
          .execute()
      : Promise.resolve([]),
    hydrateContacts(
      db,
      lastIds.map((r) => r.id),
    ),
  ]);

  const counts = new Map(perCase.map((r) => [r.case_id, Number(r.n)]));
  const openCases: BriefCase[] = caseRows.map((row) => {
    const contacts7d = counts.get(row.id) ?? 0;
    return {
      ...toCaseSummary(row),
      ageHours: Math.max(0, (now.getTime() - Date.parse(row.opened_at)) / 3_600_000),
      contacts7d,
      repeat: repeatLevel(contacts7d),
      incidentIds: incidentsFor(incidents, row.category).map((i) => i.id),
    };
  });
  const touching = new Set(openCases.flatMap((c) => c.incidentIds));

  return {
    customer,
    openCases,
    pinnedFacts,
    lastContacts: contacts.map((c) => ({
      id: c.id,
      at: c.startedAt,
      channel: c.channel,
      direction: c.direction,
      agent: c.agent,
      gist: gist(c.notes.map((n) => n.body).join(' ')),
      cases: c.cases,
    })),
    incidents: incidents.filter((i) => touching.has(i.id)),
    commitments: {
      open: commitments.filter((c) => c.status === 'open' && !c.overdue && !c.dueSoon),
      dueSoon: commitments.filter((c) => c.dueSoon),
      overdue: commitments.filter((c) => c.overdue),
      broken: commitments.filter((c) => c.status === 'broken'),
    },
    contacts7d: Number(weekCount.n),
    generatedAt: now.toISOString(),
  };
}
