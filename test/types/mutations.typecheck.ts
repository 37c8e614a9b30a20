/**
 * Compiled by `tsc -b` (test/tsconfig.json), never run. Each `@ts-expect-error` line must be a type
 * error, or the build fails on the unused directive: together they prove that a wrong mutation name,
 * wrong or missing args, and a slice or registry with a missing, extra or wrongly typed entry do
 * not compile. The lines without the directive show that the right thing does.
 */
import type { caseProcedures, contactMutations, MutationArgs, ProcedureName } from '../../shared';
import type { CallContext, CoreDeps, Implementations, MutationHandlers, MutationRegistry } from '../../main/core';
import { write } from '../../main/core';
import { exactly } from '../../main/core/exactly';
import { defineMutation } from '../../main/core/mutations/types';

declare const deps: CoreDeps;
declare const ctx: CallContext;
declare const id: string;
declare const at: string;
declare const every: Implementations<ProcedureName>;
declare const registry: MutationRegistry;

export async function writes(): Promise<void> {
  const meta = {};
  // A known name with args of its schema compiles, and the result is typed by that schema.
  const note: MutationArgs<'notes.add'> = await write(deps, ctx, meta, 'notes.add', { id, caseId: id, body: '客户来电', at });
  void note;

  // @ts-expect-error -- no mutation has this name
  await write(deps, ctx, meta, 'customers.delete_everything', { id, at });

  // @ts-expect-error -- a name of a procedure that is not a mutation
  await write(deps, ctx, meta, 'customers.get', { id });

  // @ts-expect-error -- wrong shape: a note's body is text, not a number
  await write(deps, ctx, meta, 'notes.add', { id, caseId: id, body: 42, at });

  // @ts-expect-error -- the args of another mutation (facts.unpin) under this name
  await write(deps, ctx, meta, 'notes.add', { id, at });

  // @ts-expect-error -- missing argument: notes.add needs a body
  await write(deps, ctx, meta, 'notes.add', { id, caseId: id, at });

  // @ts-expect-error -- missing argument: no args at all
  await write(deps, ctx, meta, 'facts.unpin');

  await write(deps, ctx, meta, 'cases.create', {
    id,
    number: 'C-1',
    customerId: id,
    title: 't',
    category: 'billing',
    priority: 'normal',
    // @ts-expect-error -- wrong shape: a case's level is 1, 2 or 3
    level: 'high',
    at,
  });
}

// A slice typed by its contract file must implement every procedure in it...
export const allCases: Implementations<keyof typeof caseProcedures> = {
  'cases.get': every['cases.get'],
  'cases.create': every['cases.create'],
  'cases.update': every['cases.update'],
};

// @ts-expect-error -- a slice missing a procedure (cases.update)
export const missingProcedure: Implementations<keyof typeof caseProcedures> = {
  'cases.get': every['cases.get'],
  'cases.create': every['cases.create'],
};

export const extraProcedure: Implementations<keyof typeof caseProcedures> = {
  ...allCases,
  // @ts-expect-error -- a slice with a procedure that is not in its contract file
  'cases.archive': every['cases.get'],
};

export const wrongImplementation: Implementations<keyof typeof caseProcedures> = {
  ...allCases,
  // @ts-expect-error -- an implementation of another procedure (its input and output differ)
  'cases.get': every['customers.get'],
};

// The merged map: exactly the contract's procedures.
export const merged = exactly<Implementations<ProcedureName>>()({ ...every });

// @ts-expect-error -- the merged map with a procedure the contract does not have
export const mergedExtra = exactly<Implementations<ProcedureName>>()({ ...every, 'cases.archive': every['cases.get'] });

const { 'audit.verify': _audit, ...withoutAudit } = every;
// @ts-expect-error -- the merged map missing a procedure (audit.verify)
export const mergedMissing = exactly<Implementations<ProcedureName>>()(withoutAudit);

// The registry: one handler per mutation of the contract, typed by its args.
export const contactHandlers: MutationHandlers<keyof typeof contactMutations> = {
  'contacts.log': registry['contacts.log'],
  'contacts.link': registry['contacts.link'],
  'notes.add': registry['notes.add'],
};

// @ts-expect-error -- a slice's handlers missing one (notes.add)
export const missingHandler: MutationHandlers<keyof typeof contactMutations> = {
  'contacts.log': registry['contacts.log'],
  'contacts.link': registry['contacts.link'],
};

export const wrongHandler: MutationHandlers<keyof typeof contactMutations> = {
  ...contactHandlers,
  // @ts-expect-error -- the handler of another mutation, whose args differ
  'notes.add': registry['contacts.link'],
};

const { 'promotions.record': _promotions, ...withoutPromotions } = registry;
// @ts-expect-error -- the registry missing a handler (promotions.record)
export const registryMissing: MutationRegistry = exactly<MutationRegistry>()(withoutPromotions);

// @ts-expect-error -- the registry with a handler for a mutation the contract does not have
export const registryExtra = exactly<MutationRegistry>()({ ...registry, 'customers.delete': registry['customers.create'] });

// A handler sees its args as its schema types them.
export const typedHandler = defineMutation('facts.unpin', {
  async apply(_trx, args) {
    const unpinnedAt: string = args.at;
    // @ts-expect-error -- facts.unpin has no body
    const body: string = args.body;
    void unpinnedAt;
    void body;
    return [];
  },
});
