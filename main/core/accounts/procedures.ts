import { type accountProcedures, AppError, newId } from '../../../shared';
import { type Implementations, write } from '../procedure-kit';
import { setPassword } from './credentials';
import { passwordProblem } from './passwords';
import { getAccount, listAccounts } from './read';

function checkPassword(password: string, employeeNo: string): void {
  const problem = passwordProblem(password, employeeNo);
  if (problem)
    throw new AppError('invalid_input', 'The password is too short or too easy to guess.', [{ path: 'password', message: problem }]);
}

/** An administrator's procedures (contract roles: admin). The password goes to `setPassword`, never into a mutation. */
export const procedures: Implementations<keyof typeof accountProcedures> = {
  'accounts.list': async (deps) => listAccounts(deps),

  'accounts.create': async (deps, input, ctx, meta) => {
    checkPassword(input.password, input.employeeNo);
    const args = await write(deps, ctx, meta, 'accounts.create', {
      id: newId(),
      employeeNo: input.employeeNo,
      name: input.name,
      role: input.role,
      team: input.team ? input.team : null,
      at: deps.now().toISOString(),
    });
    await setPassword(deps, args.id, input.password);
    return getAccount(deps, args.id);
  },

  'accounts.resetPassword': async (deps, input, ctx, meta) => {
    const account = await getAccount(deps, input.id);
    checkPassword(input.password, account.employeeNo);
    await write(deps, ctx, meta, 'accounts.resetPassword', { id: input.id, at: deps.now().toISOString() });
    await setPassword(deps, input.id, input.password);
    return getAccount(deps, input.id);
  },

  'accounts.setRole': async (deps, input, ctx, meta) => {
    await write(deps, ctx, meta, 'accounts.setRole', { id: input.id, role: input.role, at: deps.now().toISOString() });
    return getAccount(deps, input.id);
  },

  'accounts.setDisabled': async (deps, input, ctx, meta) => {
    await write(deps, ctx, meta, 'accounts.setDisabled', { id: input.id, disabled: input.disabled, at: deps.now().toISOString() });
    return getAccount(deps, input.id);
  },
};
