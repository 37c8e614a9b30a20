import type { Kysely } from 'kysely';
import { AppError, FACT_MAX_CHARS, type PinnedFact } from '../../../shared';
import type { DB } from '../../db';
import { defineMutation } from '../mutations/types';
import { agentRefs, unknownAgent } from '../read-models';

export const pinFact = defineMutation('facts.pin', {
  async apply(trx, args, m) {
    const customer = await trx.selectFrom('customers').select('id').where('id', '=', args.customerId).executeTakeFirst();
    if (!customer) throw new AppError('not_found', `No customer ${args.customerId}.`, [{ path: 'customerId', message: 'not_found' }]);
    if (args.caseId) {
      const owned = await trx
        .selectFrom('cases')
        .select('id')
        .where('id', '=', args.caseId)
        .where('customer_id', '=', args.customerId)
        .executeTakeFirst();
      if (!owned) throw new AppError('invalid_input', 'That case is not this customer’s.', [{ path: 'caseId', message: 'not_found' }]);
    }
    await trx
      .insertInto('pinned_facts')
      .values({
        id: args.id,
        customer_id: args.customerId,
        case_id: args.caseId,
        note_id: args.noteId,
        body: args.body,
        author_id: m.actor,
        created_at: args.at,
        unpinned_at: null,
        unpinned_by: null,
      })
      .execute();
    return [{ entity: 'fact', id: args.id, customerId: args.customerId }];
  },
});

export const unpinFact = defineMutation('facts.unpin', {
  async apply(trx, args, m) {
    const fact = await trx
      .selectFrom('pinned_facts')
      .select(['id', 'customer_id', 'unpinned_at'])
      .where('id', '=', args.id)
      .executeTakeFirst();
    if (!fact) throw new AppError('not_found', `No pinned fact ${args.id}.`, [{ path: 'id', message: 'not_found' }]);
    if (fact.unpinned_at) return []; // already unpinned: nothing changes, nothing to audit
    await trx.updateTable('pinned_facts').set({ unpinned_at: args.at, unpinned_by: m.actor }).where('id', '=', args.id).execute();
    return [{ entity: 'fact', id: args.id, customerId: fact.customer_id }];
  },
});

/** The note's text, shortened to what a fact may hold, when an agent pins a whole note. */
export async function noteAsFact(db: Kysely<DB>, noteId: string, customerId: string): Promise<{ body: string; caseId: string | null }> {
  const note = await db.selectFrom('notes').select(['body', 'case_id', 'customer_id']).where('id', '=', noteId).executeTakeFirst();
  if (!note || note.customer_id !== customerId)
    throw new AppError('not_found', `No note ${noteId} for this customer.`, [{ path: 'noteId', message: 'not_found' }]);
  const chars = [...note.body];
  return { body: chars.length > FACT_MAX_CHARS ? `${chars.slice(0, FACT_MAX_CHARS - 1).join('')}…` : note.body, caseId: note.case_id };
}

/** Pinned (not unpinned) facts of a customer, newest first; optionally only those of one case or of no case. */
export async function listFacts(db: Kysely<DB>, customerId: string, caseId?: string): Promise<PinnedFact[]> {
  let query = db.selectFrom('pinned_facts').selectAll().where('customer_id', '=', customerId).where('unpinned_at', 'is', null);
  if (caseId) query = query.where((eb) => eb.or([eb('case_id', '=', caseId), eb('case_id', 'is', null)]));
  return toFacts(db, await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute());
}

async function toFacts(db: Kysely<DB>, rows: DB['pinned_facts'][]): Promise<PinnedFact[]> {
  const authors = await agentRefs(
    db,
    rows.map((r) => r.author_id),
  );
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    caseId: r.case_id,
    noteId: r.note_id,
    body: r.body,
    author: authors.get(r.author_id) ?? unknownAgent(r.author_id),
    createdAt: r.created_at,
  }));
}

export async function getFact(db: Kysely<DB>, id: string): Promise<PinnedFact> {
  const [fact] = await toFacts(
    db,
    await db.selectFrom('pinned_facts').selectAll().where('id', '=', id).where('unpinned_at', 'is', null).execute(),
  );
  if (!fact) throw new AppError('not_found', `No pinned fact ${id}.`);
  return fact;
}
