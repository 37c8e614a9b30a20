import { AppError, newId, type policyProcedures } from '../../../shared';
import type { CoreDeps } from '../context';
import { type Implementations, write } from '../procedure-kit';
import { filesOf, loadDraft } from './bundle';
import { simulate } from './simulate';
import { getVersion, latestPublished, listVersions, reloadActivePolicy } from './versions';

export { mutations } from './mutations';

async function alreadyApplied(deps: CoreDeps, mutationId: string | undefined): Promise<boolean> {
  if (!mutationId) return false;
  return !!(await deps.db.selectFrom('applied_mutations').select('id').where('id', '=', mutationId).executeTakeFirst());
}

/** The policy slice: administrators read the bundle in force, simulate a draft against recorded decisions, and publish it. */
export const procedures: Implementations<keyof typeof policyProcedures> = {
  'policy.current': async (deps) => {
    const active = deps.policy.current();
    const latest = await latestPublished(deps.db);
    const published = latest && latest.version === active.version ? await getVersion(deps.db, latest.id) : null;
    return { version: active.version, source: published ? 'published' : 'shipped', published, files: filesOf(active.tables) };
  },

  'policy.versions': async (deps, input) => listVersions(deps.db, input.limit),

  'policy.simulate': async (deps, input) => simulate(deps.db, deps.policy.current(), loadDraft(input.files), deps.now(), input.limit),

  'policy.publish': async (deps, input, ctx, meta) => {
    const draft = loadDraft(input.files);
    // A retry of a publication that went through is answered by the ledger (in `write`), not refused.
    if (draft.version === deps.policy.version && !(await alreadyApplied(deps, meta.mutationId)))
      throw new AppError('conflict', 'This bundle is the one in force already: nothing to publish.', [
        { path: 'files', message: 'unchanged' },
      ]);
    const args = await write(deps, ctx, meta, 'policy.publish', {
      id: newId(),
      version: draft.version,
      tables: filesOf(draft.tables),
      note: input.note,
      at: deps.now().toISOString(),
    });
    // In force here before the answer; other hosts load it when they hear the `policy` change.
    await reloadActivePolicy(deps);
    return getVersion(deps.db, args.id);
  },
};
