import { PERSON_WITH_CREDENTIAL } from './credentials';
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Agent, newId, Role } from '../../../shared';
import { type DB, writeTransaction } from '../../db';
import type { CoreDeps } from '../context';
import { SYSTEM_AGENT } from '../session/system-agent';
import { burnPasswordCheck, type StoredCredential, verifyPassword } from './passwords';
import { ACCOUNT_RULES } from './settings';

export type SignInResult =
  | { ok: true; token: string; agent: Agent; sessionId: string; expiresAt: string }
  /** Wrong employee number or password, or an account that may not sign in; never which. */
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; until: string };

export interface ResolvedSession {
  agent: Agent;
  sessionId: string;
  expiresAt: string;
}

/** Sessions are stored by this only: a copy of the database does not let anyone in. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export async function lockedUntil(db: Kysely<DB>, employeeNo: string, now: number): Promise<string | null> {
  const row = await db.selectFrom('sign_in_failures').select('locked_until').where('employee_no', '=', employeeNo).executeTakeFirst();
  return row?.locked_until && Date.parse(row.locked_until) > now ? row.locked_until : null;
}

/** Counts one wrong password (or PIN); the fifth within the window locks the account. Returns the lock's end, if any. */
export async function recordFailure(deps: CoreDeps, employeeNo: string, now: number): Promise<string | null> {
  return writeTransaction(deps.db, async (trx) => {
    const row = await trx.selectFrom('sign_in_failures').selectAll().where('employee_no', '=', employeeNo).executeTakeFirst();
    const fresh =
      !row ||
      Date.parse(row.first_failed_at) + ACCOUNT_RULES.lockoutMs <= now ||
      (row.locked_until !== null && Date.parse(row.locked_until) <= now);
    const failures = fresh ? 1 : row.failures + 1;
    const locked = failures >= ACCOUNT_RULES.maxFailures ? iso(now + ACCOUNT_RULES.lockoutMs) : null;
    const values = { failures, first_failed_at: fresh ? iso(now) : row.first_failed_at, locked_until: locked };
    await trx
      .insertInto('sign_in_failures')
      .values({ employee_no: employeeNo, ...values })
      .onConflict((oc) => oc.column('employee_no').doUpdateSet(values))
      .execute();
    return locked;
  });
}

async function credentialOf(db: Kysely<DB>, employeeNo: string) {
  return db
    .selectFrom('agents')
    .leftJoin('credentials', 'credentials.agent_id', 'agents.id')
    .select(PERSON_WITH_CREDENTIAL)
    .where('agents.employee_no', '=', employeeNo)
    .executeTakeFirst();
}

export type PasswordCheck = { ok: true; agent: Agent } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'locked'; until: string };

/**
 * Employee number + password → the person, counting failures. Five wrong passwords lock the employee
 * number for 15 minutes, known or not, so the answers do not tell which numbers exist; a correct
 * password during the lock is refused too. A success clears the count. Shared by the browser's
 * sign-in and the desk's.
 */
export async function checkPassword(deps: CoreDeps, employeeNo: string, password: string): Promise<PasswordCheck> {
  const now = deps.now().getTime();
  const locked = await lockedUntil(deps.db, employeeNo, now);
  if (locked) return { ok: false, reason: 'locked', until: locked };

  const row = await credentialOf(deps.db, employeeNo);
  let matches = false;
  if (row?.hash && row.salt && row.params && row.algorithm) {
    const stored: StoredCredential = {
      algorithm: row.algorithm as 'scrypt',
      params: JSON.parse(row.params) as StoredCredential['params'],
      salt: row.salt,
      hash: row.hash,
    };
    matches = await verifyPassword(password, stored);
  } else {
    await burnPasswordCheck(password);
  }
  const role = Role.safeParse(row?.role);
  if (!row || !matches || Number(row.disabled) !== 0 || row.id === SYSTEM_AGENT.id || !role.success) {
    const until = await recordFailure(deps, employeeNo, now);
    return until ? { ok: false, reason: 'locked', until } : { ok: false, reason: 'invalid' };
  }
  await writeTransaction(deps.db, (trx) => trx.deleteFrom('sign_in_failures').where('employee_no', '=', employeeNo).execute());
  return { ok: true, agent: { id: row.id, employeeNo: row.employee_no, name: row.name, role: role.data } };
}

/** Employee number + password → a new session token (returned once, stored only as its sha256). */
export async function signIn(deps: CoreDeps, employeeNo: string, password: string): Promise<SignInResult> {
  const checked = await checkPassword(deps, employeeNo, password);
  if (!checked.ok) return checked;
  const now = deps.now().getTime();
  const token = randomBytes(32).toString('base64url');
  const sessionId = newId();
  const expiresAt = iso(now + ACCOUNT_RULES.sessionAbsoluteMs);
  await writeTransaction(deps.db, async (trx) => {
    await trx
      .insertInto('sessions')
      .values({
        id: sessionId,
        token_hash: tokenHash(token),
        agent_id: checked.agent.id,
        created_at: iso(now),
        expires_at: expiresAt,
        last_seen_at: iso(now),
        revoked_at: null,
      })
      .execute();
  });
  return { ok: true, token, sessionId, expiresAt, agent: checked.agent };
}

/**
 * The person behind a session token, or null when the token is unknown, malformed, expired
 * (12 h after sign-in, or 2 h without a call), revoked, or the account is disabled. The role is
 * read afresh, so a change of role takes effect on the next call.
 */
export async function resolveSession(deps: CoreDeps, token: string | undefined): Promise<ResolvedSession | null> {
  if (!token || !TOKEN_SHAPE.test(token)) return null;
  const now = deps.now().getTime();
  const row = await deps.db
    .selectFrom('sessions')
    .innerJoin('agents', 'agents.id', 'sessions.agent_id')
    .select([
      'sessions.id as sessionId',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'sessions.revoked_at',
      'agents.id',
      'agents.employee_no',
      'agents.name',
      'agents.role',
      'agents.disabled',
    ])
    .where('sessions.token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || Number(row.disabled) !== 0) return null;
  if (Date.parse(row.expires_at) <= now || Date.parse(row.last_seen_at) + ACCOUNT_RULES.sessionIdleMs <= now) return null;
  const role = Role.safeParse(row.role);
  if (!role.success) return null;
  // One row's timestamp, no audit row and no ledger: it needs no place in the writers' queue (writeTransaction),
  // where hundreds of desks' first request of each minute would wait behind every push.
  if (now - Date.parse(row.last_seen_at) >= ACCOUNT_RULES.lastSeenWriteMs)
    await deps.db
      .updateTable('sessions')
      .set({ last_seen_at: iso(now) })
      .where('id', '=', row.sessionId)
      .execute();
  return {
    sessionId: row.sessionId,
    expiresAt: row.expires_at,
    agent: { id: row.id, employeeNo: row.employee_no, name: row.name, role: role.data },
  };
}

/** Ends the session behind this token (signing out). Unknown tokens are ignored. */
export async function signOut(deps: CoreDeps, token: string | undefined): Promise<void> {
  if (!token || !TOKEN_SHAPE.test(token)) return;
  const at = deps.now().toISOString();
  await writeTransaction(deps.db, (trx) =>
    trx
      .updateTable('sessions')
      .set({ revoked_at: at })
      .where('token_hash', '=', tokenHash(token))
      .where('revoked_at', 'is', null)
      .execute(),
  );
}

/**
 * Ends every session of one person, the browser's and the desks' tokens alike (inside a caller's
 * transaction, e.g. disabling the account or resetting the password).
 */
export async function revokeSessionsIn(trx: Kysely<DB>, agentId: string, at: string): Promise<void> {
  await trx.updateTable('sessions').set({ revoked_at: at }).where('agent_id', '=', agentId).where('revoked_at', 'is', null).execute();
  await trx.updateTable('desk_tokens').set({ revoked_at: at }).where('agent_id', '=', agentId).where('revoked_at', 'is', null).execute();
}

/** Ends every session of one person, now. */
export async function revokeAllSessions(deps: CoreDeps, agentId: string): Promise<void> {
  const at = deps.now().toISOString();
  await writeTransaction(deps.db, (trx) => revokeSessionsIn(trx, agentId, at));
}

/** The end of a lock-out in force for this employee number, if any. */
export async function lockOutOf(deps: CoreDeps, employeeNo: string): Promise<string | null> {
  return lockedUntil(deps.db, employeeNo, deps.now().getTime());
}

/**
 * Forgets sessions that ended (expired, idle or revoked) more than `keepMs` ago — kept that long so
 * "who was signed in when" can still be answered — and failed sign-ins whose window or lock is over.
 */
export async function purgeEndedSessions(deps: CoreDeps, keepMs = 7 * 24 * 60 * 60_000): Promise<{ sessions: number; failures: number }> {
  const now = deps.now().getTime();
  const cutoff = iso(now - keepMs);
  return writeTransaction(deps.db, async (trx) => {
    const sessions = await trx
      .deleteFrom('sessions')
      .where((eb) =>
        eb.or([
          eb('expires_at', '<', cutoff),
          eb('revoked_at', '<', cutoff),
          eb('last_seen_at', '<', iso(now - keepMs - ACCOUNT_RULES.sessionIdleMs)),
        ]),
      )
      .executeTakeFirst();
    const failures = await trx
      .deleteFrom('sign_in_failures')
      .where((eb) =>
        eb.or([
          eb('locked_until', '<=', iso(now)),
          eb.and([eb('locked_until', 'is', null), eb('first_failed_at', '<=', iso(now - ACCOUNT_RULES.lockoutMs))]),
        ]),
      )
      .executeTakeFirst();
    return { sessions: Number(sessions.numDeletedRows), failures: Number(failures.numDeletedRows) };
  });
}
