import type { Kysely } from 'kysely';
import { AppError, type AgentRef, LEVEL_WORKERS, type Role, TOP_LEVEL } from '../../../shared';
import type { DB } from '../../db';
import { SYSTEM_AGENT } from '../session/system-agent';

/** The active people who work an escalation's level, by employee number: whom it may be reassigned to. */
export async function assigneesOf(db: Kysely<DB>, id: string): Promise<AgentRef[]> {
  const row = await db.selectFrom('escalations').select('level').where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No escalation ${id}.`, [{ path: 'id', message: 'not_found' }]);
  const roles: Role[] = [...LEVEL_WORKERS[Math.min(Math.max(row.level, 1), TOP_LEVEL)]!];
  const people = await db
    .selectFrom('agents')
    .select(['id', 'name', 'employee_no'])
    .where('role', 'in', roles)
    .where('disabled', '=', 0)
    // the clock's actor is nobody to give work to
    .where('id', '!=', SYSTEM_AGENT.id)
    .orderBy('employee_no')
    .execute();
  return people.map((p) => ({ id: p.id, name: p.name, employeeNo: p.employee_no }));
}
