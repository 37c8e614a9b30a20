import type { Kysely } from 'kysely';
import { AppError, type MutationArgs, type Mutation } from '../../../shared';
import type { DB } from '../../db';
import type { ApplyEnv, Effect } from '../mutations/types';
import { insertEscalation } from '../promises/escalation-rows';

export const CONDUCT_COMPLAINT = 'conduct_complaint';

/**
 * A conduct complaint names the contact it is about; the agent complained about is that contact's
 * agent. Filing one links the case to it and raises a level-2 escalation (reason `conduct_complaint`)
 * to the supervisors' queue, in the case's own transaction. Any other category may not name a contact.
 */
export async function fileComplaint(trx: Kysely<DB>, args: MutationArgs<'cases.create'>, m: Mutation, env: ApplyEnv): Promise<Effect[]> {
  if (args.category !== CONDUCT_COMPLAINT) {
    if (args.complaint)
      throw new AppError('invalid_input', 'Only a conduct complaint names the contact it is about.', [
        { path: 'aboutContactId', message: 'only_for_conduct_complaint' },
      ]);
    return [];
  }
  if (!args.complaint)
    throw new AppError('invalid_input', 'A conduct complaint must name the contact it is about.', [
      { path: 'aboutContactId', message: 'required' },
    ]);
  const contact = await trx
    .selectFrom('contacts')
    .innerJoin('agents', 'agents.id', 'contacts.agent_id')
    .select(['contacts.customer_id', 'contacts.agent_id', 'contacts.started_at', 'agents.employee_no'])
    .where('contacts.id', '=', args.complaint.contactId)
    .executeTakeFirst();
  if (!contact)
    throw new AppError('not_found', `No contact ${args.complaint.contactId}.`, [{ path: 'aboutContactId', message: 'not_found' }]);
  if (contact.customer_id !== args.customerId)
    throw new AppError('invalid_input', 'That contact was with another customer.', [{ path: 'aboutContactId', message: 'other_customer' }]);
  await trx
    .insertInto('case_complaints')
    .values({ case_id: args.id, contact_id: args.complaint.contactId, agent_id: contact.agent_id, created_at: args.at })
    .execute();
  const escalation = {
    id: args.complaint.escalationId,
    level: 2,
    reason: CONDUCT_COMPLAINT,
    detail: `Conduct complaint about agent ${contact.employee_no} (contact of ${contact.started_at}).`,
  };
  await insertEscalation(trx, env, {
    ...escalation,
    caseId: args.id,
    customerId: args.customerId,
    detailParams: { employeeNo: contact.employee_no, contactAt: contact.started_at },
    raisedBy: m.actor,
    at: args.at,
  });
  return [
    { entity: 'escalation', id: escalation.id, customerId: args.customerId, data: { ...escalation, contactId: args.complaint.contactId } },
  ];
}

/** A case becomes or stops being a conduct complaint only when it is filed: the link to the contact cannot be added or dropped later. */
export function checkCategoryChange(from: string, to: string | undefined): void {
  if (to === undefined || to === from) return;
  if (from === CONDUCT_COMPLAINT || to === CONDUCT_COMPLAINT)
    throw new AppError('invalid_input', 'A conduct complaint is filed as one (naming the contact); its category does not change.', [
      { path: 'category', message: 'conduct_complaint_fixed' },
    ]);
}

/** The complaint cases about this agent: hidden from them everywhere (see privacy.ts). */
export async function casesComplainedAbout(db: Kysely<DB>, agentId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('case_complaints').select('case_id').where('agent_id', '=', agentId).execute();
  return new Set(rows.map((r) => r.case_id));
}
