import type { ParsedInput, ProcedureOutput } from '../../../shared';
import { customerBrief } from './brief';
import type { CoreDeps } from '../context';
import { getCustomer, lookupByPhone } from './customers';
import { draftsForCustomer } from '../drafts/drafts';
import { customerHistory } from './history';

/**
 * Everything the first screen of a customer needs, in one answer: the desk used to ask for the
 * customer, the brief, the history and the drafts one after another, and the agent waited on each hop.
 */
export async function screenPop(
  deps: CoreDeps,
  input: ParsedInput<'customers.pop'>,
  agentId: string,
): Promise<ProcedureOutput<'customers.pop'>> {
  const phone = input.phone ?? null;
  await deps.replica?.beforePop(phone ? { phone } : { ...(input.customerId ? { customerId: input.customerId } : {}) });
  const customerId = input.customerId ?? (phone ? (await lookupByPhone(deps.db, phone))?.id : undefined);
  if (!customerId) return { found: false, phone: phone ?? '' };
  const [customer, brief, history, drafts] = await Promise.all([
    getCustomer(deps.db, customerId),
    customerBrief(deps.db, customerId, deps.now()),
    customerHistory(deps.db, customerId, input.historyLimit, null),
    draftsForCustomer(deps.db, customerId, agentId),
  ]);
  return { found: true, phone, customer, brief, history, drafts };
}
