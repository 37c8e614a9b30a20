import { AppError } from '../../../shared';
import { defineMutation } from '../mutations/types';
import { actorOf } from '../promises/authority';
import { loadDraft } from './bundle';

/**
 * Stores a published bundle, which makes it the active one. Checked again wherever it is applied (a
 * mutation may come from another host): only an administrator publishes, and the tables must load and
 * hash to the version the mutation names. The audit row says which version replaced which, and why.
 */
export const publishPolicy = defineMutation('policy.publish', {
  async apply(trx, a, m, env) {
    const actor = await actorOf(trx, m.actor);
    if (actor.role !== 'admin')
      throw new AppError('forbidden', 'Only an administrator publishes policy.', [{ path: 'actor', message: 'admins_only' }]);
    const policy = loadDraft(a.tables);
    if (policy.version !== a.version)
      throw new AppError('invalid_input', 'The tables do not hash to the version this write names.', [
        { path: 'version', message: 'version_mismatch' },
      ]);
    await trx
      .insertInto('policy_versions')
      .values({ id: a.id, version: a.version, files: JSON.stringify(a.tables), published_by: m.actor, published_at: a.at, note: a.note })
      .execute();
    return [{ entity: 'policy', id: a.id, customerId: null, data: { from: env.policy.version, to: a.version, note: a.note } }];
  },
});
