import type { Kysely } from 'kysely';
import { type DB, writeTransaction } from '../../db';
import type { CoreDeps } from '../context';
import { hashPassword, type StoredCredential } from './passwords';

/** Stores a new scrypt hash for a person (never the password) and clears their failed sign-ins. */
export async function setPassword(deps: CoreDeps, agentId: string, password: string): Promise<void> {
  await storeCredential(deps, agentId, await hashPassword(password), 'scrypt');
}

/**
 * Writes a hash already made (never the secret) under `algorithm`: 'scrypt' for a password,
 * 'scrypt-pin' for a desk profile's PIN (which `verifyPassword`, and so the server's sign-in, never accepts).
 */
export async function storeCredential(deps: CoreDeps, agentId: string, stored: StoredCredential, algorithm: string): Promise<void> {
  const at = deps.now().toISOString();
  await writeTransaction(deps.db, async (trx) => {
    const values = {
      algorithm,
      params: JSON.stringify(stored.params),
      salt: stored.salt,
      hash: stored.hash,
      updated_at: at,
    };
    await trx
      .insertInto('credentials')
      .values({ agent_id: agentId, ...values })
      .onConflict((oc) => oc.column('agent_id').doUpdateSet(values))
      .execute();
    await clearFailures(trx, agentId);
  });
}

async function clearFailures(trx: Kysely<DB>, agentId: string): Promise<void> {
  const row = await trx.selectFrom('agents').select('employee_no').where('id', '=', agentId).executeTakeFirst();
  if (row) await trx.deleteFrom('sign_in_failures').where('employee_no', '=', row.employee_no).execute();
}

/** The person and their credential, as sign-in and the desk's unlock both read them (agents joined to credentials). */
export const PERSON_WITH_CREDENTIAL = [
  'agents.id',
  'agents.employee_no',
  'agents.name',
  'agents.role',
  'agents.disabled',
  'credentials.algorithm',
  'credentials.params',
  'credentials.salt',
  'credentials.hash',
] as const;
