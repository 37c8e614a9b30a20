import { type Kysely, sql } from 'kysely';
import { type Mutation, newId } from '../../../shared';
import type { DB } from '../../db';
import type { CallContext, CoreDeps } from '../context';

const SEQ_KEY = 'client_seq';

// Per-replica counter; sync pushes a desk's mutations in this order.
async function nextSeq(db: Kysely<DB>): Promise<number> {
  const row = await db
    .insertInto('meta')
    .values({ key: SEQ_KEY, value: '1' })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql<string>`cast(cast(meta.value as integer) + 1 as text)` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/**
 * Wraps resolved args as a mutation from this replica and this actor: the envelope as it travels,
 * so name and args are not checked here. Core's own writes go through the typed `write`/`commit`
 * (`procedure-kit.ts`); `applyMutation` checks the args of any mutation it is given.
 */
export async function mintMutation(
  deps: CoreDeps,
  ctx: CallContext,
  name: string,
  args: unknown,
  id: string = newId(),
  request?: string,
): Promise<Mutation> {
  return {
    ...(request ? { request } : {}),
    id,
    clientId: deps.clientId,
    seq: await nextSeq(deps.db),
    name,
    args,
    at: deps.now().toISOString(),
    actor: ctx.actor.id,
    // The bundle this desk decided under; the team server re-evaluates a push made under an older one.
    policyVersion: deps.policy.version,
  };
}
