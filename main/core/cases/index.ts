import { AppError, type caseProcedures, newCaseNumber, newId } from '../../../shared';
import type { CoreDeps } from '../context';
import { type Implementations, write } from '../procedure-kit';
import { composeClosing } from '../surveys/closing';
import { getCaseView } from './case-view';
import { caseNumberTaken, getCaseSummary } from './cases';

export { mutations } from './mutations';

async function freshCaseNumber(deps: CoreDeps): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const number = newCaseNumber();
    if (!(await caseNumberTaken(deps.db, number))) return number;
  }
  throw new AppError('conflict', 'Could not allocate a case number; try again.');
}

/** The cases slice: open a case, read it whole, change its fields against a version. */
export const procedures: Implementations<keyof typeof caseProcedures> = {
  'cases.get': async (deps, input) => getCaseView(deps.db, input.id, deps.now()),

  'cases.create': async (deps, input, ctx, meta) => {
    const args = await write(deps, ctx, meta, 'cases.create', {
      id: newId(),
      number: await freshCaseNumber(deps),
      customerId: input.customerId,
      title: input.title,
      category: input.category,
      priority: input.priority,
      // A conduct complaint goes straight to the supervisors (level 2), linked to the contact it is about.
      level: input.aboutContactId ? (2 as const) : (1 as const),
      ...(input.aboutContactId ? { complaint: { contactId: input.aboutContactId, escalationId: newId() } } : {}),
      at: deps.now().toISOString(),
    });
    return getCaseSummary(deps.db, args.id);
  },

  'cases.update': async (deps, input, ctx, meta) => {
    const { locale, ...fields } = input;
    const closing = await composeClosing(deps, input.id, input.status, locale, ctx.actor);
    const args = await write(deps, ctx, meta, 'cases.update', { ...fields, ...(closing ? { closing } : {}), at: deps.now().toISOString() });
    return getCaseSummary(deps.db, args.id);
  },
};
