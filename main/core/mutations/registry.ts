import { upsertAgent } from '../agents';
import { createCase } from '../cases';
import { logContact } from '../contacts';
import { createCustomer } from '../customers';
import { addNote } from '../notes';
import type { MutationHandler } from './types';

/**
 * Every write core knows, by mutation name. A desk's outbox and the team server's push endpoint
 * replay mutations through this same table.
 */
export const mutationHandlers: Readonly<Record<string, MutationHandler<unknown>>> = {
  'agents.upsert': erase(upsertAgent),
  'customers.create': erase(createCustomer),
  'cases.create': erase(createCase),
  'contacts.log': erase(logContact),
  'notes.add': erase(addNote),
};

// Safe: apply() only ever receives what that same handler's args schema produced.
function erase<A>(handler: MutationHandler<A>): MutationHandler<unknown> {
  return handler as unknown as MutationHandler<unknown>;
}
