import { createAccount, resetPassword, setDisabled, setRole } from '../accounts/mutations';
import { upsertAgent } from '../agents';
import { createCase, updateCase } from '../cases';
import { linkContact, logContact } from '../contacts';
import { addCustomerPhone, removeCustomerPhone, updateCustomer } from '../customer-records';
import { createCustomer } from '../customers';
import { pinFact, unpinFact } from '../facts';
import { createIncident, updateIncident } from '../incidents';
import { addNote } from '../notes';
import { recordPromotion } from '../promotions';
import {
  alertCommitment,
  breakCommitment,
  createCommitment,
  decideApproval,
  requestApproval,
  rescheduleCommitment,
  resolveCommitment,
} from '../promises/mutations';
import type { MutationHandler } from './types';

/**
 * Every write core knows, by mutation name. A desk's outbox and the team server's push endpoint
 * replay mutations through this same table.
 */
export const mutationHandlers: Readonly<Record<string, MutationHandler<unknown>>> = {
  'agents.upsert': erase(upsertAgent),
  'customers.create': erase(createCustomer),
  'customers.update': erase(updateCustomer),
  'customers.addPhone': erase(addCustomerPhone),
  'customers.removePhone': erase(removeCustomerPhone),
  'cases.create': erase(createCase),
  'contacts.log': erase(logContact),
  'notes.add': erase(addNote),
  'cases.update': erase(updateCase),
  'contacts.link': erase(linkContact),
  'facts.pin': erase(pinFact),
  'facts.unpin': erase(unpinFact),
  'incidents.create': erase(createIncident),
  'incidents.update': erase(updateIncident),
  'commitments.create': erase(createCommitment),
  'commitments.resolve': erase(resolveCommitment),
  'commitments.reschedule': erase(rescheduleCommitment),
  'commitments.alert': erase(alertCommitment),
  'commitments.break': erase(breakCommitment),
  'escalations.request': erase(requestApproval),
  'escalations.decide': erase(decideApproval),
  'promotions.record': erase(recordPromotion),
  'accounts.create': erase(createAccount),
  'accounts.resetPassword': erase(resetPassword),
  'accounts.setRole': erase(setRole),
  'accounts.setDisabled': erase(setDisabled),
};

// Safe: apply() only ever receives what that same handler's args schema produced.
function erase<A>(handler: MutationHandler<A>): MutationHandler<unknown> {
  return handler as unknown as MutationHandler<unknown>;
}
