import type { Kysely } from 'kysely';
import { AppError, type CaseDetail, type CaseSummary } from '../../../shared';
import type { DB } from '../../db';
import { checkCategoryChange, fileComplaint } from '../complaints/complaints';
import { defineMutation } from '../mutations/types';
import { applyClosing } from '../surveys/closing';
import { indexEntity } from '../search/index-entities';
import { agentRefs, hydrateContacts, hydrateNotes, toCaseSummary, unknownAgent } from '../read-models';

export const createCase = defineMutation('cases.create', {
  async apply(trx, args, m, env) {
    await requireCustomer(trx, args.customerId);
    const clash = await trx.selectFrom('cases').select('id').where('number', '=', args.number).executeTakeFirst();
    if (clash) throw new AppError('conflict', `Case number ${args.number} is taken.`);
    await trx
      .insertInto('cases')
      .values({
        id: args.id,
        number: args.number,
        customer_id: args.customerId,
        title: args.title,
        category: args.category,
        status: 'open',
        priority: args.priority,
        level: args.level,
        opened_by: m.actor,
        opened_at: args.at,
        updated_at: args.at,
        version: 1,
        resolved_at: null,
        resolved_by: null,
      })
      .execute();
    const complaint = await fileComplaint(trx, args, m, env);
    await indexEntity(trx, 'case_grams', args.id);
    return [{ entity: 'case', id: args.id, customerId: args.customerId }, ...complaint];
  },
});

const EDITABLE = ['title', 'category', 'priority', 'status'] as const;

/**
 * Changes case fields against the version the agent saw. A stale version is a conflict for a
 * person to resolve, never a silent last-writer-wins. The audit row records old → new per field.
 */
export const updateCase = defineMutation('cases.update', {
  async apply(trx, args, m) {
    const row = await trx.selectFrom('cases').selectAll().where('id', '=', args.id).executeTakeFirst();
    if (!row) throw new AppError('not_found', `No case ${args.id}.`, [{ path: 'id', message: 'not_found' }]);
    if (row.version !== args.version)
      throw new AppError(
        'conflict',
        `Case ${row.number} was changed by someone else (version ${row.version}, you had ${args.version}). Reload and try again.`,
        [{ path: 'version', message: 'stale_version' }],
      );
    checkCategoryChange(row.category, args.category);
    const changes = EDITABLE.flatMap((field) =>
      args[field] !== undefined && args[field] !== row[field] ? [{ field, from: row[field], to: args[field] }] : [],
    );
    if (changes.length === 0) return [];
    await trx
      .updateTable('cases')
      .set({ ...Object.fromEntries(changes.map((c) => [c.field, c.to])), updated_at: args.at, version: row.version + 1 })
      .where('id', '=', args.id)
      .execute();
    if (changes.some((c) => c.field === 'title')) await indexEntity(trx, 'case_grams', args.id);
    const closing = await applyClosing(trx, args, row, m);
    return [{ entity: 'case', id: args.id, customerId: row.customer_id, data: { changes, version: row.version + 1 } }, ...closing];
  },
});

export async function requireCustomer(db: Kysely<DB>, id: string): Promise<void> {
  const row = await db.selectFrom('customers').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No customer ${id}.`, [{ path: 'customerId', message: 'not_found' }]);
}

export async function caseNumberTaken(db: Kysely<DB>, number: string): Promise<boolean> {
  return (await db.selectFrom('cases').select('id').where('number', '=', number).executeTakeFirst()) !== undefined;
}

export async function getCaseSummary(db: Kysely<DB>, id: string): Promise<CaseSummary> {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No case ${id}.`);
  return toCaseSummary(row);
}

export async function getCaseDetail(db: Kysely<DB>, id: string): Promise<CaseDetail> {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No case ${id}.`);
  const [noteRows, contactIds, openers] = await Promise.all([
    db.selectFrom('notes').selectAll().where('case_id', '=', id).orderBy('created_at', 'desc').orderBy('id', 'desc').execute(),
    db
      .selectFrom('contact_cases')
      .innerJoin('contacts', 'contacts.id', 'contact_cases.contact_id')
      .select('contacts.id')
      .where('contact_cases.case_id', '=', id)
      .orderBy('contacts.started_at', 'desc')
      .orderBy('contacts.id', 'desc')
      .execute(),
    agentRefs(db, [row.opened_by]),
  ]);
  return {
    ...toCaseSummary(row),
    customerId: row.customer_id,
    openedBy: openers.get(row.opened_by) ?? unknownAgent(row.opened_by),
    notes: await hydrateNotes(db, noteRows),
    contacts: await hydrateContacts(
      db,
      contactIds.map((c) => c.id),
    ),
  };
}
