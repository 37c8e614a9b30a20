import type { Kysely } from 'kysely';
import { type Agent, AppError } from '../../../shared';
import type { DB } from '../../db';
import { defineMutation } from '../mutations/types';

export const upsertAgent = defineMutation('agents.upsert', {
  async apply(trx, args, m) {
    const team = args.team === undefined ? {} : { team: args.team };
    await trx
      .insertInto('agents')
      .values({ id: args.id, employee_no: args.employeeNo, name: args.name, role: args.role, created_at: m.at, ...team })
      .onConflict((oc) => oc.column('id').doUpdateSet({ employee_no: args.employeeNo, name: args.name, role: args.role, ...team }))
      .execute();
    return [{ entity: 'agent', id: args.id, customerId: null }];
  },
});

export async function getAgent(db: Kysely<DB>, id: string): Promise<Agent> {
  const row = await db.selectFrom('agents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No agent ${id}.`);
  return { id: row.id, employeeNo: row.employee_no, name: row.name, role: row.role as Agent['role'] };
}

export async function findAgentByEmployeeNo(db: Kysely<DB>, employeeNo: string): Promise<Agent | null> {
  const row = await db.selectFrom('agents').select('id').where('employee_no', '=', employeeNo).executeTakeFirst();
  return row ? getAgent(db, row.id) : null;
}
