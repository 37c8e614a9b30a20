import { sql } from 'kysely';
import { type Account, AppError, Role } from '../../../shared';
import type { CoreDeps } from '../context';
import { SYSTEM_AGENT } from '../session/system-agent';
import { ACCOUNT_RULES } from './settings';

/** Everyone who may sign in (the system's own actor excluded), with lock-out and live sessions. */
export async function listAccounts(deps: CoreDeps, id?: string): Promise<Account[]> {
  const now = deps.now();
  const nowIso = now.toISOString();
  const idleSince = new Date(now.getTime() - ACCOUNT_RULES.sessionIdleMs).toISOString();
  let query = deps.db
    .selectFrom('agents')
    .leftJoin('sign_in_failures', 'sign_in_failures.employee_no', 'agents.employee_no')
    .select((eb) => [
      'agents.id',
      'agents.employee_no',
      'agents.name',
      'agents.role',
      'agents.team',
      'agents.disabled',
      'agents.created_at',
      'sign_in_failures.locked_until',
      eb
        .selectFrom('sessions')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('sessions.agent_id', '=', 'agents.id')
        .where('sessions.revoked_at', 'is', null)
        .where('sessions.expires_at', '>', nowIso)
        .where('sessions.last_seen_at', '>', idleSince)
        .as('active_sessions'),
    ])
    .where('agents.id', '!=', SYSTEM_AGENT.id)
    .orderBy('agents.employee_no');
  if (id !== undefined) query = query.where('agents.id', '=', id);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    employeeNo: r.employee_no,
    name: r.name,
    role: Role.catch('agent').parse(r.role),
    team: r.team,
    disabled: Number(r.disabled) !== 0,
    lockedUntil: r.locked_until && r.locked_until > nowIso ? r.locked_until : null,
    activeSessions: Number(r.active_sessions ?? 0),
    createdAt: r.created_at,
  }));
}

export async function getAccount(deps: CoreDeps, id: string): Promise<Account> {
  const [account] = await listAccounts(deps, id);
  if (!account) throw new AppError('not_found', `No account ${id}.`, [{ path: 'id', message: 'not_found' }]);
  return account;
}
