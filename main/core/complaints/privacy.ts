import type { Kysely } from 'kysely';
import { AppError, type ProcedureName } from '../../../shared';
import type { DB } from '../../db';
import type { Impl, Implementations } from '../procedure-kit';
import { casesComplainedAbout } from './complaints';

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when a record is about one of the hidden cases: it is the case, belongs to it, or wraps a case or note that does. */
export function mentions(o: Loose, hidden: ReadonlySet<string>): boolean {
  if (typeof o.id === 'string' && hidden.has(o.id)) return true;
  if (typeof o.caseId === 'string' && hidden.has(o.caseId)) return true;
  return ['case', 'caseRef', 'note'].some((k) => isObject(o[k]) && mentions(o[k], hidden));
}

/** The case a record named by `id` belongs to, for the procedures whose `id` is an escalation or a commitment. */
async function caseOfRecord(db: Kysely<DB>, procedure: string, id: unknown): Promise<string | undefined> {
  if (typeof id !== 'string') return undefined;
  const table = procedure.startsWith('escalations.') ? 'escalations' : procedure.startsWith('commitments.') ? 'commitments' : null;
  if (!table) return undefined;
  return (await db.selectFrom(table).select('case_id').where('id', '=', id).executeTakeFirst())?.case_id;
}

/** Drops, at every depth, the list entries that are about a hidden case. */
export function prune(value: unknown, hidden: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.filter((v) => !(isObject(v) && mentions(v, hidden))).map((v) => prune(v, hidden));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, prune(v, hidden)]));
  return value;
}

/**
 * The agent complained about never sees the complaint. For a caller who is the subject of conduct
 * complaints, every procedure:
 * - refuses (`forbidden`) an input naming a complaint case (`caseId`, `caseIds`, the `id` of `cases.*`, or the `id` of
 *   an escalation or commitment of it, e.g. deciding the complaint's own escalation): reading the
 *   case, its notes, messages, decisions, commitments, escalations or surveys, and writing to it;
 * - answers without the entries about those cases: the case in a customer's cases, brief or pop, its
 *   notes and opening in the history, its escalation in the queue, its hits in search, its CaseRefs
 *   on a call.
 * Counts (e.g. a customer's number of open cases) are not adjusted. Other callers are not affected.
 */
export function withComplaintPrivacy(implementations: Implementations<ProcedureName>): Implementations<ProcedureName> {
  const guarded = Object.fromEntries(
    Object.entries(implementations).map(([name, impl]) => {
      const run = impl as Impl<ProcedureName>;
      const wrapped: Impl<ProcedureName> = async (deps, input, ctx, meta) => {
        const hidden = await casesComplainedAbout(deps.db, ctx.actor.id);
        if (hidden.size === 0) return run(deps, input, ctx, meta);
        const given: Loose = isObject(input) ? (input as Loose) : {};
        const named = [
          given.caseId,
          name.startsWith('cases.') ? given.id : await caseOfRecord(deps.db, name, given.id),
          ...(Array.isArray(given.caseIds) ? given.caseIds : []),
        ];
        if (named.some((id) => typeof id === 'string' && hidden.has(id)))
          throw new AppError('forbidden', 'This case is a complaint about you; a supervisor handles it.', [
            { path: 'caseId', message: 'complaint_about_you' },
          ]);
        return prune(await run(deps, input, ctx, meta), hidden) as never;
      };
      return [name, wrapped];
    }),
  );
  return guarded as Implementations<ProcedureName>;
}
