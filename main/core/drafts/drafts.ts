import type { Kysely } from 'kysely';
import { AppError, NOTE_MAX_CHARS } from '../../../shared';
import { type DB, writeTransaction } from '../../db';

/**
 * Drafts are what an agent is still typing: device-local, saved in place (not a mutation, not
 * audited, not synced), removed in the same transaction that saves the note.
 */
export async function saveDraft(
  db: Kysely<DB>,
  caseId: string,
  agentId: string,
  body: string,
  at: string,
): Promise<{ updatedAt: string; tooLongForNote: boolean }> {
  await writeTransaction(db, async (trx) => {
    const exists = await trx.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
    if (!exists) throw new AppError('not_found', `No case ${caseId}.`, [{ path: 'caseId', message: 'not_found' }]);
    if (body.length === 0) {
      await trx.deleteFrom('drafts').where('case_id', '=', caseId).where('agent_id', '=', agentId).execute();
      return;
    }
    await trx
      .insertInto('drafts')
      .values({ case_id: caseId, agent_id: agentId, body, updated_at: at })
      .onConflict((oc) => oc.columns(['case_id', 'agent_id']).doUpdateSet({ body, updated_at: at }))
      .execute();
  });
  return { updatedAt: at, tooLongForNote: body.length > NOTE_MAX_CHARS };
}

/** The customer's cases that hold a draft of this agent's, newest draft first. */
export async function draftsForCustomer(
  db: Kysely<DB>,
  customerId: string,
  agentId: string,
): Promise<{ caseId: string; updatedAt: string }[]> {
  const rows = await db
    .selectFrom('cases')
    .innerJoin('drafts', 'drafts.case_id', 'cases.id')
    .select(['drafts.case_id', 'drafts.updated_at'])
    .where('cases.customer_id', '=', customerId)
    .where('drafts.agent_id', '=', agentId)
    .orderBy('drafts.updated_at', 'desc')
    .orderBy('drafts.case_id')
    .execute();
  return rows.map((r) => ({ caseId: r.case_id, updatedAt: r.updated_at }));
}

export async function getDraft(db: Kysely<DB>, caseId: string, agentId: string): Promise<{ body: string; updatedAt: string } | null> {
  const row = await db
    .selectFrom('drafts')
    .select(['body', 'updated_at'])
    .where('case_id', '=', caseId)
    .where('agent_id', '=', agentId)
    .executeTakeFirst();
  return row ? { body: row.body, updatedAt: row.updated_at } : null;
}
