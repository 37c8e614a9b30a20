import { accountImplementations } from './accounts/procedures';
import { verifyAudit } from './audit';
import { getAgent } from './agents';
import { customerBrief } from './brief';
import { caseNumberTaken, getCaseSummary } from './cases';
import { getCaseView } from './case-view';
import { getContact } from './contacts';
import { draftsForCustomer, getDraft, saveDraft } from './drafts';
import { getFact, noteAsFact } from './facts';
import { getIncident, listIncidents } from './incidents';
import { globalSearch } from './search/global-search';
import type { CoreDeps } from './context';
import { getCustomer, lookupByPhone } from './customers';
import { screenPop } from './screen-pop';
import { customerHistory } from './history';
import { getNote } from './notes';
import { type Impl, write } from './procedure-kit';
import { promiseImplementations } from './promises/procedures';
import { AppError, newCaseNumber, newId, type ProcedureName } from '../../shared';

export type { CallMeta } from './procedure-kit';

async function freshCaseNumber(deps: CoreDeps): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const number = newCaseNumber();
    if (!(await caseNumberTaken(deps.db, number))) return number;
  }
  throw new AppError('conflict', 'Could not allocate a case number; try again.');
}

/** Core's implementation of every procedure in the contract. Hosts reach it only through dispatch. */
export const implementations: { [P in ProcedureName]: Impl<P> } = {
  ...promiseImplementations,
  ...accountImplementations,
  'session.me': async (deps, _input, ctx) => getAgent(deps.db, ctx.actor.id),

  'customers.lookup': async (deps, input) => ({ phone: input.phone, customer: await lookupByPhone(deps.db, input.phone) }),

  'customers.get': async (deps, input) => getCustomer(deps.db, input.id),

  'customers.pop': async (deps, input, ctx) => screenPop(deps, input, ctx.actor.id),

  'customers.create': async (deps, input, ctx, meta) => {
    const args = await write(deps, ctx, meta, 'customers.create', {
      id: newId(),
      name: input.name,
      phone: input.phone,
      tier: input.tier,
      at: deps.now().toISOString(),
    });
    return getCustomer(deps.db, args.id);
  },

  'customers.update': async (deps, input, ctx, meta) => {
    const args = await write(deps, ctx, meta, 'customers.update', { ...input, at: deps.now().toISOString() });
    return getCustomer(deps.db, args.id);
  },

  'customers.addPhone': async (deps, input, ctx, meta) => {
    const args = await write(deps, ctx, meta, 'customers.addPhone', {
      customerId: input.customerId,
      phone: input.phone,
      label: input.label ?? null,
      at: deps.now().toISOString(),
    });
    return getCustomer(deps.db, args.customerId);
  },

  'customers.removePhone': async (deps, input, ctx, meta) => {
    const args = await write(deps, ctx, meta, 'customers.removePhone', { ...input, at: deps.now().toISOString() });
    return getCustomer(deps.db, args.customerId);
  },

  'customers.history': async (deps, input) => customerHistory(deps.db, input.customerId, input.limit, input.cursor),

  'cases.get': async (deps, input) => getCaseView(deps.db, input.id, deps.now()),

  'cases.create': async (deps, input, ctx, meta) => {
    const args = await write(deps, ctx, meta, 'cases.create', {
      id: newId(),
      number: await freshCaseNumber(deps),
      customerId: input.customerId,
      title: input.title,
      category: input.category,
      priority: input.priority,
      level: 1 as const,
      at: deps.now().toISOString(),
    });
    return getCaseSummary(deps.db, args.id);
  },

  'contacts.log': async (deps, input, ctx, meta) => {
    const args = await write(deps, ctx, meta, 'contacts.log', {
      id: newId(),
      customerId: input.customerId,
      caseIds: input.caseIds,
      channel: input.channel,
      direction: input.direction,
      startedAt: input.startedAt ?? deps.now().toISOString(),
      note: input.note ? { id: newId(), body: input.note } : null,
    });
    return getContact(deps.db, args.id);
  },

  'notes.add': async (deps, input, ctx, meta) => {
    const args = await write(deps, ctx, meta, 'notes.add', {
      id: newId(),
      caseId: input.caseId,
      body: input.body,
      at: deps.now().toISOString(),
    });
    return getNote(deps.db, args.id);
  },

  'audit.verify': async (deps) => verifyAudit(deps.db),

  'customers.brief': async (deps, input) => customerBrief(deps.db, input.customerId, deps.now()),

  'cases.update': async (deps, input, ctx, meta) => {
    const args = await write(deps, ctx, meta, 'cases.update', { ...input, at: deps.now().toISOString() });
    return getCaseSummary(deps.db, args.id);
  },

  'contacts.link': async (deps, input, ctx, meta) => {
    const args = await write(deps, ctx, meta, 'contacts.link', input);
    return getContact(deps.db, args.contactId);
  },

  'facts.pin': async (deps, input, ctx, meta) => {
    const fromNote = input.noteId ? await noteAsFact(deps.db, input.noteId, input.customerId) : null;
    const args = await write(deps, ctx, meta, 'facts.pin', {
      id: newId(),
      customerId: input.customerId,
      caseId: input.caseId ?? fromNote?.caseId ?? null,
      noteId: input.noteId ?? null,
      body: fromNote?.body ?? input.text ?? '',
      at: deps.now().toISOString(),
    });
    return getFact(deps.db, args.id);
  },

  'facts.unpin': async (deps, input, ctx, meta) => {
    const args = await write(deps, ctx, meta, 'facts.unpin', { id: input.id, at: deps.now().toISOString() });
    return { id: args.id };
  },

  'incidents.create': async (deps, input, ctx, meta) => {
    const args = await write(deps, ctx, meta, 'incidents.create', { ...input, id: newId(), at: deps.now().toISOString() });
    return getIncident(deps.db, args.id, deps.now());
  },

  'incidents.update': async (deps, input, ctx, meta) => {
    const { endNow, ...fields } = input;
    const at = deps.now().toISOString();
    const args = await write(deps, ctx, meta, 'incidents.update', { ...fields, ...(endNow ? { endsAt: at } : {}), at });
    return getIncident(deps.db, args.id, deps.now());
  },

  'incidents.list': async (deps, input) => listIncidents(deps.db, deps.now(), input.activeOnly),

  'search.global': async (deps, input) => globalSearch(deps.db, input.q, input.limit),

  'drafts.get': async (deps, input, ctx) => getDraft(deps.db, input.caseId, ctx.actor.id),

  'drafts.forCustomer': async (deps, input, ctx) => draftsForCustomer(deps.db, input.customerId, ctx.actor.id),

  'drafts.save': async (deps, input, ctx) => saveDraft(deps.db, input.caseId, ctx.actor.id, input.body, deps.now().toISOString()),
};
