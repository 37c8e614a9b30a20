import type { Kysely } from 'kysely';
import type { ParsedInput, SyncConflict } from '../../../shared';
import type { DB } from '../../db';
import { agentRefs, unknownAgent } from '../read-models';

/** The supervisors' list: newest first, open ones only unless asked for all. */
export async function listConflicts(db: Kysely<DB>, input: ParsedInput<'conflicts.list'>): Promise<SyncConflict[]> {
  let query = db.selectFrom('sync_conflicts').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(input.limit);
  if (input.status === 'open') query = query.where('resolved_at', 'is', null);
  const rows = await query.execute();
  const actors = await agentRefs(
    db,
    rows.map((r) => r.actor_id),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as SyncConflict['kind'],
    entity: r.entity,
    entityId: r.entity_id,
    customerId: r.customer_id,
    field: r.field,
    baseVersion: r.base_version === null ? null : Number(r.base_version),
    theirs: JSON.parse(r.theirs) as unknown,
    ours: JSON.parse(r.ours) as unknown,
    clientId: r.client_id,
    actor: actors.get(r.actor_id) ?? unknownAgent(r.actor_id),
    mutationId: r.mutation_id,
    at: r.at,
    resolvedAt: r.resolved_at,
  }));
}
