import type { Kysely } from 'kysely';
import { canonicalJson, type Mutation, newId } from '../../../shared';
import type { DB } from '../../db';

/** The writes made against a version the agent saw, and the fields each may change. */
const VERSIONED = {
  'cases.update': { table: 'cases', entity: 'case', fields: ['title', 'category', 'priority', 'status'] },
  'customers.update': { table: 'customers', entity: 'customer', fields: ['name', 'tier'] },
} as const;
type VersionedName = keyof typeof VERSIONED;

/** The writes that record a policy decision: made offline under another bundle, they are flagged. */
const DECIDING = { 'commitments.create': 'commitment', 'escalations.request': 'escalation', 'escalations.decide': 'escalation' } as const;

export interface PushContext {
  clientId: string;
  now: Date;
  /** The server's policy bundle version. */
  policyVersion: string;
}

type Loose = Record<string, unknown>;

/**
 * What a desk's pushed write becomes on the server, before it is applied (inside the push's
 * transaction). A field change made against an old version is merged when nobody else changed that
 * field since; when somebody else did, their value stays and a `stale_field` conflict is recorded
 * for a supervisor instead of a silent overwrite (the write then applies without that field, at the
 * current version). Notes and every other write pass unchanged. A decision made under another policy
 * bundle than the server's is recorded as `policy_changed` (the server evaluates it again when it applies).
 */
export async function reconcilePushed(trx: Kysely<DB>, mutation: Mutation, context: PushContext): Promise<Mutation> {
  if (mutation.name in DECIDING && mutation.policyVersion && mutation.policyVersion !== context.policyVersion) {
    const args = mutation.args as Loose;
    await record(trx, mutation, context, {
      kind: 'policy_changed',
      entity: DECIDING[mutation.name as keyof typeof DECIDING],
      entity_id: String(args.id),
      customer_id: typeof args.customerId === 'string' ? args.customerId : null,
      field: 'policy_version',
      base_version: null,
      theirs: canonicalJson(context.policyVersion),
      ours: canonicalJson(mutation.policyVersion),
    });
  }
  if (!(mutation.name in VERSIONED)) return mutation;
  const spec = VERSIONED[mutation.name as VersionedName];
  const args = mutation.args as Loose;
  if (typeof args.id !== 'string' || typeof args.version !== 'number') return mutation;
  const row = (await trx.selectFrom(spec.table).selectAll().where('id', '=', args.id).executeTakeFirst()) as
    (Loose & { version: number; customer_id?: string }) | undefined;
  // Unknown, current, or ahead of the server (not ours to guess): the handler answers as always.
  if (!row || row.version <= args.version) return mutation;
  const changed = await fieldsChangedSince(trx, mutation.name, spec.entity, args.id, args.version, context.clientId);
  const merged: Loose = { ...args, version: row.version };
  for (const field of spec.fields) {
    if (args[field] === undefined || args[field] === row[field] || !changed.has(field)) continue;
    delete merged[field];
    await record(trx, mutation, context, {
      kind: 'stale_field',
      entity: spec.entity,
      entity_id: args.id,
      customer_id: spec.entity === 'customer' ? args.id : (row.customer_id ?? null),
      field,
      base_version: args.version,
      theirs: canonicalJson(row[field]),
      ours: canonicalJson(args[field]),
    });
  }
  // Resolving was not taken: nor are the closing messages that come with it.
  if (merged.status === undefined) delete merged.closing;
  return { ...mutation, args: merged };
}

/**
 * The fields that writes from other desks changed after `version` (from the audit rows of those
 * writes: `{ changes: [{ field }], version }`). A desk's own earlier writes are not a conflict for it.
 */
async function fieldsChangedSince(
  trx: Kysely<DB>,
  name: string,
  entity: string,
  id: string,
  version: number,
  clientId: string,
): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('audit_log as a')
    .innerJoin('applied_mutations as m', 'm.id', 'a.mutation_id')
    .select('a.data')
    .where('a.entity', '=', entity)
    .where('a.entity_id', '=', id)
    .where('a.action', '=', name)
    .where('m.client_id', '!=', clientId)
    .execute();
  const fields = new Set<string>();
  for (const row of rows) {
    const data = JSON.parse(row.data) as { changes?: { field: string }[]; version?: number };
    if ((data.version ?? 0) > version) for (const change of data.changes ?? []) fields.add(change.field);
  }
  return fields;
}

async function record(
  trx: Kysely<DB>,
  mutation: Mutation,
  context: PushContext,
  conflict: Pick<DB['sync_conflicts'], 'kind' | 'entity' | 'entity_id' | 'customer_id' | 'field' | 'base_version' | 'theirs' | 'ours'>,
): Promise<void> {
  await trx
    .insertInto('sync_conflicts')
    .values({
      id: newId(),
      ...conflict,
      client_id: context.clientId,
      actor_id: mutation.actor,
      mutation_id: mutation.id,
      at: context.now.toISOString(),
      resolved_at: null,
      resolved_by: null,
    })
    .execute();
}
