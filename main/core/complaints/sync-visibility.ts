import type { Kysely } from 'kysely';
import type { DB } from '../../db';
import { casesComplainedAbout } from './complaints';
import { mentions } from './privacy';

/** One logged change as a pull or a customer fetch would hand it out. */
export interface LoggedChange {
  mutationId: string;
  entity: string;
  id: string;
  args: unknown;
}

/** Rows that belong to a case: a change of one is about that case. */
const CASE_OF: Record<string, 'notes' | 'pinned_facts' | 'decisions' | 'escalations' | 'commitments' | 'messages' | 'surveys'> = {
  note: 'notes',
  fact: 'pinned_facts',
  decision: 'decisions',
  escalation: 'escalations',
  commitment: 'commitments',
  message: 'messages',
  survey: 'surveys',
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The mutations among `changes` the reader may not have: those about a conduct complaint against
 * them (the rule `withComplaintPrivacy` holds for every procedure holds for what a desk pulls too).
 * A mutation is hidden whole when any of its changes is the complaint case, a row of it, or names
 * it in its arguments. Costs nothing for a reader nobody complained about.
 */
export async function mutationsHiddenFrom(db: Kysely<DB>, readerId: string, changes: readonly LoggedChange[]): Promise<Set<string>> {
  const hiddenMutations = new Set<string>();
  if (changes.length === 0) return hiddenMutations;
  const hidden = await casesComplainedAbout(db, readerId);
  if (hidden.size === 0) return hiddenMutations;
  const byTable = new Map<string, LoggedChange[]>();
  for (const change of changes) {
    const args = isObject(change.args) ? change.args : {};
    const caseIds = Array.isArray(args.caseIds) ? args.caseIds : [];
    if ((change.entity === 'case' && hidden.has(change.id)) || mentions(args, hidden) || caseIds.some((id) => hidden.has(id as string)))
      hiddenMutations.add(change.mutationId);
    const table = CASE_OF[change.entity];
    if (table) byTable.set(table, [...(byTable.get(table) ?? []), change]);
  }
  for (const [table, rows] of byTable) {
    const owners = await db
      .selectFrom(table as 'notes')
      .select(['id', 'case_id'])
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    const caseOf = new Map(owners.map((o) => [o.id, o.case_id]));
    for (const row of rows) {
      const caseId = caseOf.get(row.id);
      if (caseId && hidden.has(caseId)) hiddenMutations.add(row.mutationId);
    }
  }
  return hiddenMutations;
}
