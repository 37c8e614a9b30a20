import type { Kysely } from 'kysely';
import { type accountMutations, AppError } from '../../../shared';
import type { DB } from '../../db';
import { defineMutation, type MutationHandlers } from '../mutations/types';
import { SYSTEM_AGENT } from '../session/system-agent';
import { revokeSessionsIn } from './sessions';

/*
 * Account changes are mutations like any other write: audited in the hash chain, idempotent by id.
 * Their args never hold a password or a hash: the credential is written beside the mutation
 * (`credentials.ts`), and the audit row says only that a password was set. Their args' schemas:
 * `shared/contract/mutations/accounts.ts`.
 */

async function existing(trx: Kysely<DB>, id: string) {
  const row = await trx.selectFrom('agents').select(['id', 'role', 'disabled']).where('id', '=', id).executeTakeFirst();
  if (!row || row.id === SYSTEM_AGENT.id) throw new AppError('not_found', `No account ${id}.`, [{ path: 'id', message: 'not_found' }]);
  return row;
}

function notOneself(actor: string, id: string, what: string): void {
  if (actor === id)
    throw new AppError('invalid_input', `An administrator cannot ${what} their own account.`, [{ path: 'id', message: 'own_account' }]);
}

export const createAccount = defineMutation('accounts.create', {
  async apply(trx, args) {
    const taken = await trx.selectFrom('agents').select('id').where('employee_no', '=', args.employeeNo).executeTakeFirst();
    if (taken)
      throw new AppError('conflict', `Employee number ${args.employeeNo} is already in use.`, [
        { path: 'employeeNo', message: 'employee_no_taken' },
      ]);
    await trx
      .insertInto('agents')
      .values({
        id: args.id,
        employee_no: args.employeeNo,
        name: args.name,
        role: args.role,
        team: args.team,
        disabled: 0,
        created_at: args.at,
      })
      .execute();
    return [{ entity: 'agent', id: args.id, customerId: null }];
  },
});

/** Records that an administrator set a new password (which is not in the args), and ends the person's sessions. */
export const resetPassword = defineMutation('accounts.resetPassword', {
  async apply(trx, args) {
    await existing(trx, args.id);
    await revokeSessionsIn(trx, args.id, args.at);
    return [{ entity: 'agent', id: args.id, customerId: null, data: { id: args.id, at: args.at, password: 'set' } }];
  },
});

export const setRole = defineMutation('accounts.setRole', {
  async apply(trx, args, m) {
    const row = await existing(trx, args.id);
    if (args.role !== 'admin') notOneself(m.actor, args.id, 'demote');
    if (row.role !== args.role) await trx.updateTable('agents').set({ role: args.role }).where('id', '=', args.id).execute();
    return [{ entity: 'agent', id: args.id, customerId: null }];
  },
});

/** Disabling ends every session of that person in the same transaction: their next call is refused. */
export const setDisabled = defineMutation('accounts.setDisabled', {
  async apply(trx, args, m) {
    await existing(trx, args.id);
    if (args.disabled) {
      notOneself(m.actor, args.id, 'disable');
      await revokeSessionsIn(trx, args.id, args.at);
    }
    await trx
      .updateTable('agents')
      .set({ disabled: args.disabled ? 1 : 0 })
      .where('id', '=', args.id)
      .execute();
    return [{ entity: 'agent', id: args.id, customerId: null }];
  },
});

/** The accounts slice's writes, one handler per mutation of `shared/contract/mutations/accounts.ts`. */
export const mutations: MutationHandlers<keyof typeof accountMutations> = {
  'accounts.create': createAccount,
  'accounts.resetPassword': resetPassword,
  'accounts.setRole': setRole,
  'accounts.setDisabled': setDisabled,
};
