import type { Kysely } from 'kysely';
import { AppError, type Note } from '../../../shared';
import type { DB } from '../../db';
import { defineMutation } from '../mutations/types';
import { hydrateNotes } from '../read-models';
import { indexNote } from '../search/index-note';

/** Notes are append-only: an edit would be a new note that supersedes the old one. */
export const addNote = defineMutation('notes.add', {
  async apply(trx, args, m) {
    const c = await trx.selectFrom('cases').select(['id', 'customer_id']).where('id', '=', args.caseId).executeTakeFirst();
    if (!c) throw new AppError('not_found', `No case ${args.caseId}.`, [{ path: 'caseId', message: 'not_found' }]);
    await trx
      .insertInto('notes')
      .values({
        id: args.id,
        customer_id: c.customer_id,
        case_id: c.id,
        contact_id: null,
        author_id: m.actor,
        body: args.body,
        created_at: args.at,
        supersedes_id: null,
      })
      .execute();
    await indexNote(trx, args.id, args.body);
    // The note is saved, so the draft it came from is done with.
    await trx.deleteFrom('drafts').where('case_id', '=', c.id).where('agent_id', '=', m.actor).execute();
    return [{ entity: 'note', id: args.id, customerId: c.customer_id }];
  },
});

export async function getNote(db: Kysely<DB>, id: string): Promise<Note> {
  const rows = await db.selectFrom('notes').selectAll().where('id', '=', id).execute();
  const [note] = await hydrateNotes(db, rows);
  if (!note) throw new AppError('not_found', `No note ${id}.`);
  return note;
}
