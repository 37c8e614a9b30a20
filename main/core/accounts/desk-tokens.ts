import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Agent, newId, Role } from '../../../shared';
import { type DB, writeTransaction } from '../../db';
import type { CoreDeps } from '../context';
import { checkPassword, type PasswordCheck, tokenHash } from './sessions';
import { ACCOUNT_RULES } from './settings';

/**
 * Desk tokens: a desk signs in against the team server once with a password and then holds
 * - an access token (`kda_…`, 15 minutes) it sends as `Authorization: Bearer` with every call, and
 * - a refresh token (`kdr_…`, 30 days) it trades for a new pair before the access token runs out.
 * Each refresh token works once: trading it marks it used, and presenting a used one again (a copy
 * taken from the desk, a replay) revokes every token of that sign-in (the family). Only sha256 of a
 * token is stored. The family is bound to the desk's client id.
 */
export interface DeskTokens {
  agent: Agent;
  clientId: string;
  accessToken: string;
  accessExpiresAt: string;
  refreshToken: string;
  refreshExpiresAt: string;
}

export type DeskTokenResult = { ok: true; tokens: DeskTokens } | Exclude<PasswordCheck, { ok: true }>;

export interface DeskAccess {
  agent: Agent;
  clientId: string;
  familyId: string;
  expiresAt: string;
}

const ACCESS_PREFIX = 'kda_';
const REFRESH_PREFIX = 'kdr_';
const SHAPE = /^kd[ar]_[A-Za-z0-9_-]{43}$/;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function mint(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Inserts a fresh access + refresh pair into a family (inside the caller's transaction). */
async function issuePair(trx: Kysely<DB>, agent: Agent, clientId: string, familyId: string, now: number): Promise<DeskTokens> {
  const accessToken = mint(ACCESS_PREFIX);
  const refreshToken = mint(REFRESH_PREFIX);
  const accessExpiresAt = iso(now + ACCOUNT_RULES.deskAccessMs);
  const refreshExpiresAt = iso(now + ACCOUNT_RULES.deskRefreshMs);
  const common = { family_id: familyId, agent_id: agent.id, client_id: clientId, created_at: iso(now), used_at: null, revoked_at: null };
  await trx
    .insertInto('desk_tokens')
    .values([
      { ...common, id: newId(), token_hash: tokenHash(accessToken), kind: 'access', expires_at: accessExpiresAt },
      { ...common, id: newId(), token_hash: tokenHash(refreshToken), kind: 'refresh', expires_at: refreshExpiresAt },
    ])
    .execute();
  return { agent, clientId, accessToken, accessExpiresAt, refreshToken, refreshExpiresAt };
}

/** Employee number + password on a desk → a new token family for that desk (the password's lock-out applies). */
export async function signInDesk(deps: CoreDeps, employeeNo: string, password: string, clientId: string): Promise<DeskTokenResult> {
  const checked = await checkPassword(deps, employeeNo, password);
  if (!checked.ok) return checked;
  const now = deps.now().getTime();
  const tokens = await writeTransaction(deps.db, (trx) => issuePair(trx, checked.agent, clientId, newId(), now));
  return { ok: true, tokens };
}

async function tokenRow(db: Kysely<DB>, token: string) {
  return db
    .selectFrom('desk_tokens')
    .innerJoin('agents', 'agents.id', 'desk_tokens.agent_id')
    .select([
      'desk_tokens.id as tokenId',
      'desk_tokens.kind',
      'desk_tokens.family_id',
      'desk_tokens.client_id',
      'desk_tokens.expires_at',
      'desk_tokens.used_at',
      'desk_tokens.revoked_at',
      'agents.id',
      'agents.employee_no',
      'agents.name',
      'agents.role',
      'agents.disabled',
    ])
    .where('desk_tokens.token_hash', '=', tokenHash(token))
    .executeTakeFirst();
}

type TokenRow = NonNullable<Awaited<ReturnType<typeof tokenRow>>>;

function agentOf(row: TokenRow): Agent | null {
  const role = Role.safeParse(row.role);
  if (!role.success || Number(row.disabled) !== 0) return null;
  return { id: row.id, employeeNo: row.employee_no, name: row.name, role: role.data };
}

async function revokeFamily(trx: Kysely<DB>, familyId: string, at: string): Promise<void> {
  await trx.updateTable('desk_tokens').set({ revoked_at: at }).where('family_id', '=', familyId).where('revoked_at', 'is', null).execute();
}

/**
 * A refresh token → a new pair in the same family; the old refresh token is spent. Null when the
 * token is unknown, malformed, expired, revoked or its person disabled. A refresh token already spent
 * is a reuse: the family is revoked (the desk that holds the newest pair is signed out too) and null.
 */
export async function refreshDeskTokens(deps: CoreDeps, refreshToken: string): Promise<DeskTokens | null> {
  if (!SHAPE.test(refreshToken) || !refreshToken.startsWith(REFRESH_PREFIX)) return null;
  const now = deps.now().getTime();
  return writeTransaction(deps.db, async (trx) => {
    const row = await tokenRow(trx, refreshToken);
    if (!row || row.kind !== 'refresh' || row.revoked_at !== null) return null;
    if (row.used_at !== null) {
      await revokeFamily(trx, row.family_id, iso(now));
      return null;
    }
    const agent = agentOf(row);
    if (!agent || Date.parse(row.expires_at) <= now) return null;
    // Spent only if still unspent: of two refreshes racing with one token, the second sees it used.
    const spent = await trx
      .updateTable('desk_tokens')
      .set({ used_at: iso(now) })
      .where('id', '=', row.tokenId)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1) {
      await revokeFamily(trx, row.family_id, iso(now));
      return null;
    }
    return issuePair(trx, agent, row.client_id, row.family_id, now);
  });
}

/** The person and desk behind an access token, or null (unknown, malformed, a refresh token, expired, revoked, disabled). */
export async function resolveDeskAccess(deps: CoreDeps, accessToken: string | undefined): Promise<DeskAccess | null> {
  if (!accessToken || !SHAPE.test(accessToken) || !accessToken.startsWith(ACCESS_PREFIX)) return null;
  const row = await tokenRow(deps.db, accessToken);
  if (!row || row.kind !== 'access' || row.revoked_at !== null) return null;
  if (Date.parse(row.expires_at) <= deps.now().getTime()) return null;
  const agent = agentOf(row);
  return agent ? { agent, clientId: row.client_id, familyId: row.family_id, expiresAt: row.expires_at } : null;
}

/** Signs a desk out: every token of the family of this (access or refresh) token is revoked. Returns the family, if any. */
export async function signOutDesk(deps: CoreDeps, token: string): Promise<string | null> {
  if (!SHAPE.test(token)) return null;
  const at = deps.now().toISOString();
  return writeTransaction(deps.db, async (trx) => {
    const row = await tokenRow(trx, token);
    if (!row) return null;
    await revokeFamily(trx, row.family_id, at);
    return row.family_id;
  });
}

/** Whether a token family still stands (not revoked, its person not disabled): an open socket's recheck. */
export async function deskFamilyActive(deps: CoreDeps, familyId: string): Promise<boolean> {
  const row = await deps.db
    .selectFrom('desk_tokens')
    .innerJoin('agents', 'agents.id', 'desk_tokens.agent_id')
    .select(['agents.disabled'])
    .where('desk_tokens.family_id', '=', familyId)
    .where('desk_tokens.kind', '=', 'refresh')
    .where('desk_tokens.revoked_at', 'is', null)
    .where('desk_tokens.used_at', 'is', null)
    .where('desk_tokens.expires_at', '>', deps.now().toISOString())
    .executeTakeFirst();
  return row !== undefined && Number(row.disabled) === 0;
}
