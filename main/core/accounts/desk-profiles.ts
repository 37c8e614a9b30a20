import { type Agent, AppError, type DeskCreateProfileInput, type DeskProfile, newId, PIN_PATTERN, Role } from '../../../shared';
import { writeTransaction } from '../../db';
import type { CoreDeps } from '../context';
import { commit } from '../procedure-kit';
import { SYSTEM_AGENT } from '../session/system-agent';
import { PERSON_WITH_CREDENTIAL, storeCredential } from './credentials';
import { burnPasswordCheck, hashPassword, type StoredCredential, verifyPassword } from './passwords';
import { lockedUntil, recordFailure } from './sessions';

/**
 * Local desk profiles: on a desk without a server, each person at a shared PC is an agent row with a
 * PIN credential. The PIN is hashed exactly like a password (scrypt, `passwords.ts`) but stored under
 * its own algorithm name, so `verifyPassword` on the server's sign-in never accepts a 4-digit PIN as a
 * password, and an account with a password is never a desk profile. Called by the desktop host
 * (`main/ipc/desk-router.ts`), like `sessions.ts` is called by the server: before anyone is at the
 * desk there is no actor for a contract procedure.
 */
export const PIN_ALGORITHM = 'scrypt-pin';

/** Roles that may add a profile to a desk that already has some. */
const MAY_ADD: readonly Role[] = ['admin', 'supervisor'];

export type UnlockResult =
  | { ok: true; agent: Agent }
  /** Unknown profile or wrong PIN; never which. */
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; until: string };

function checkPin(pin: string): void {
  if (!PIN_PATTERN.test(pin)) throw new AppError('invalid_input', 'A PIN is 4 to 8 digits.', [{ path: 'pin', message: 'pin_invalid' }]);
}

/** Every enabled desk profile, by name: no PIN, hash or salt. */
export async function listDeskProfiles(deps: CoreDeps): Promise<DeskProfile[]> {
  const rows = await deps.db
    .selectFrom('agents')
    .innerJoin('credentials', 'credentials.agent_id', 'agents.id')
    .select(['agents.id', 'agents.employee_no', 'agents.name', 'agents.role'])
    .where('credentials.algorithm', '=', PIN_ALGORITHM)
    .where('agents.disabled', '=', 0)
    .orderBy('agents.name')
    .orderBy('agents.employee_no')
    .execute();
  return rows.flatMap((row) => {
    const role = Role.safeParse(row.role);
    return role.success ? [{ id: row.id, employeeNo: row.employee_no, name: row.name, role: role.data }] : [];
  });
}

/**
 * Adds a profile: the first one on a desk with none (`by` null; an admin or supervisor), or by an unlocked admin or supervisor
 * profile. The agent row is an audited `accounts.create` mutation (no PIN in it); the PIN's hash is
 * written beside it, as a password's is.
 */
export async function createDeskProfile(deps: CoreDeps, input: DeskCreateProfileInput, by: Agent | null): Promise<DeskProfile> {
  checkPin(input.pin);
  const existing = await listDeskProfiles(deps);
  if (by === null && existing.length > 0)
    throw new AppError('unauthenticated', 'Unlock an administrator or supervisor profile to add another.');
  // The first profile must be able to add the others, or the desk would stay one person's.
  if (by === null && !MAY_ADD.includes(input.role))
    throw new AppError('invalid_input', 'The first profile on a desk is an administrator or a supervisor.', [
      { path: 'role', message: 'first_profile_role' },
    ]);
  if (by !== null && !(existing.some((p) => p.id === by.id) && MAY_ADD.includes(by.role)))
    throw new AppError('forbidden', 'Only an administrator or supervisor profile may add a profile.');
  const id = newId();
  const stored = await hashPassword(input.pin);
  await commit(deps, { actor: by ?? SYSTEM_AGENT }, 'accounts.create', {
    id,
    employeeNo: input.employeeNo,
    name: input.name,
    role: input.role,
    team: null,
    at: deps.now().toISOString(),
  });
  await storeCredential(deps, id, stored, PIN_ALGORITHM);
  return { id, employeeNo: input.employeeNo, name: input.name, role: input.role };
}

/**
 * Profile + PIN → the person, or why not. Five wrong PINs within 15 minutes lock the profile for
 * 15 minutes, the right PIN included (the same counter and rules as wrong passwords: `ACCOUNT_RULES`).
 */
export async function unlockDeskProfile(deps: CoreDeps, profileId: string, pin: string): Promise<UnlockResult> {
  const now = deps.now().getTime();
  const row = await deps.db
    .selectFrom('agents')
    .innerJoin('credentials', 'credentials.agent_id', 'agents.id')
    .select(PERSON_WITH_CREDENTIAL)
    .where('agents.id', '=', profileId)
    .where('credentials.algorithm', '=', PIN_ALGORITHM)
    .executeTakeFirst();
  if (!row) {
    await burnPasswordCheck(pin);
    return { ok: false, reason: 'invalid' };
  }
  const locked = await lockedUntil(deps.db, row.employee_no, now);
  if (locked) return { ok: false, reason: 'locked', until: locked };

  const stored: StoredCredential = {
    algorithm: 'scrypt',
    params: JSON.parse(row.params) as StoredCredential['params'],
    salt: row.salt,
    hash: row.hash,
  };
  const matches = PIN_PATTERN.test(pin) && (await verifyPassword(pin, stored));
  const role = Role.safeParse(row.role);
  if (!matches || Number(row.disabled) !== 0 || !role.success) {
    const until = await recordFailure(deps, row.employee_no, now);
    return until ? { ok: false, reason: 'locked', until } : { ok: false, reason: 'invalid' };
  }
  await writeTransaction(deps.db, (trx) => trx.deleteFrom('sign_in_failures').where('employee_no', '=', row.employee_no).execute());
  return { ok: true, agent: { id: row.id, employeeNo: row.employee_no, name: row.name, role: role.data } };
}

/** The person behind an unlocked profile, read afresh (role, disabled), or null once it is no longer a profile. */
export async function currentDeskProfile(deps: CoreDeps, profileId: string): Promise<Agent | null> {
  const profile = (await listDeskProfiles(deps)).find((p) => p.id === profileId);
  return profile ?? null;
}

/**
 * With a team server, the person at the desk is their server account: after an online sign-in their
 * agent row is written here under the server's id (an `accounts.create` kept off the outbox: the
 * server already has them), their role kept current, and, when given, a PIN bound to them for the next
 * unlock (offline too). A local profile holding the same employee number refuses it (`employee_no_taken`).
 */
export async function adoptServerPerson(deps: CoreDeps, agent: Agent, pin?: string): Promise<void> {
  if (pin !== undefined) checkPin(pin);
  const local: CoreDeps = { ...deps, outbox: false };
  const row = await deps.db.selectFrom('agents').select(['role', 'disabled']).where('id', '=', agent.id).executeTakeFirst();
  const at = deps.now().toISOString();
  if (!row)
    await commit(local, { actor: SYSTEM_AGENT }, 'accounts.create', {
      id: agent.id,
      employeeNo: agent.employeeNo,
      name: agent.name,
      role: agent.role,
      team: null,
      at,
    });
  else if (row.role !== agent.role)
    await commit(local, { actor: SYSTEM_AGENT }, 'accounts.setRole', { id: agent.id, role: agent.role, at });
  // The server just let them in: an account disabled here earlier (a pulled change) is enabled again by the server's word.
  if (row && Number(row.disabled) !== 0)
    await commit(local, { actor: SYSTEM_AGENT }, 'accounts.setDisabled', { id: agent.id, disabled: false, at });
  if (pin !== undefined) await storeCredential(deps, agent.id, await hashPassword(pin), PIN_ALGORITHM);
}

/** The person behind a desk actor signed in against the server, read afresh, or null once disabled or gone. */
export async function currentDeskPerson(deps: CoreDeps, agentId: string): Promise<Agent | null> {
  const row = await deps.db
    .selectFrom('agents')
    .select(['id', 'employee_no', 'name', 'role', 'disabled'])
    .where('id', '=', agentId)
    .executeTakeFirst();
  const role = Role.safeParse(row?.role);
  if (!row || Number(row.disabled) !== 0 || !role.success) return null;
  return { id: row.id, employeeNo: row.employee_no, name: row.name, role: role.data };
}
