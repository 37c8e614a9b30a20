import type { Kysely } from 'kysely';
import { AppError, type Review, type ScorecardItem, SCORECARD } from '../../../shared';
import type { DB } from '../../db';
import { defineMutation } from '../mutations/types';
import { agentRefs, unknownAgent } from '../read-models';

/**
 * A QA review of one contact against the scorecard. The reviewed agent is the contact's agent;
 * nobody reviews their own contact, and each reviewer reviews a contact once (a second is a conflict).
 */
export const createReview = defineMutation('reviews.create', {
  async apply(trx, a, m) {
    const contact = await trx.selectFrom('contacts').select(['agent_id', 'customer_id']).where('id', '=', a.contactId).executeTakeFirst();
    if (!contact) throw new AppError('not_found', `No contact ${a.contactId}.`, [{ path: 'contactId', message: 'not_found' }]);
    if (contact.agent_id === m.actor)
      throw new AppError('forbidden', 'Nobody reviews their own contact.', [{ path: 'contactId', message: 'own_contact' }]);
    const items = [...a.items].sort((x, y) => SCORECARD.indexOf(x.item) - SCORECARD.indexOf(y.item));
    if (new Set(items.map((i) => i.item)).size !== SCORECARD.length)
      throw new AppError('invalid_input', 'Score every scorecard item once.', [{ path: 'items', message: 'every_item_once' }]);
    const clash = await trx
      .selectFrom('reviews')
      .select('id')
      .where('contact_id', '=', a.contactId)
      .where('reviewer_id', '=', m.actor)
      .executeTakeFirst();
    if (clash)
      throw new AppError('conflict', 'You have already reviewed this contact.', [{ path: 'contactId', message: 'already_reviewed' }]);
    const score = Math.round((items.reduce((s, i) => s + i.score, 0) / items.length) * 100) / 100;
    await trx
      .insertInto('reviews')
      .values({
        id: a.id,
        contact_id: a.contactId,
        agent_id: contact.agent_id,
        reviewer_id: m.actor,
        items: JSON.stringify(items),
        score,
        comment: a.comment,
        created_at: a.at,
      })
      .execute();
    return [
      { entity: 'review', id: a.id, customerId: contact.customer_id, data: { contactId: a.contactId, agentId: contact.agent_id, score } },
    ];
  },
});

export interface ReviewFilter {
  id?: string;
  contactId?: string | undefined;
  agentId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

export async function listReviews(db: Kysely<DB>, f: ReviewFilter): Promise<Review[]> {
  let q = db
    .selectFrom('reviews')
    .innerJoin('contacts', 'contacts.id', 'reviews.contact_id')
    .selectAll('reviews')
    .select(['contacts.started_at', 'contacts.customer_id']);
  if (f.id) q = q.where('reviews.id', '=', f.id);
  if (f.contactId) q = q.where('reviews.contact_id', '=', f.contactId);
  if (f.agentId) q = q.where('reviews.agent_id', '=', f.agentId);
  if (f.from) q = q.where('reviews.created_at', '>=', new Date(f.from).toISOString());
  if (f.to) q = q.where('reviews.created_at', '<', new Date(f.to).toISOString());
  const rows = await q.orderBy('reviews.created_at', 'desc').orderBy('reviews.id', 'desc').limit(f.limit).execute();
  const people = await agentRefs(
    db,
    rows.flatMap((r) => [r.agent_id, r.reviewer_id]),
  );
  return rows.map((r) => ({
    id: r.id,
    contactId: r.contact_id,
    contactStartedAt: r.started_at,
    customerId: r.customer_id,
    agent: people.get(r.agent_id) ?? unknownAgent(r.agent_id),
    reviewer: people.get(r.reviewer_id) ?? unknownAgent(r.reviewer_id),
    items: JSON.parse(r.items) as { item: ScorecardItem; score: number; comment: string }[],
    score: r.score,
    comment: r.comment,
    createdAt: r.created_at,
  }));
}
