import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Account, Role } from '../../../../shared';
import { formatDateTime } from '../../format/date-time';
import { useProcedureMutation } from '../../state/use-procedure-mutation';
import { describeAccountError } from './describe-account-error';

/** One person: role (changed in place), team, status, and the actions on their account. */
export function AccountRow({
  account,
  self,
  onChanged,
}: {
  account: Account;
  self: boolean;
  onChanged(account: Account, message: string): void;
}) {
  const { t, i18n } = useTranslation();
  const setRole = useProcedureMutation('accounts.setRole');
  const setDisabled = useProcedureMutation('accounts.setDisabled');
  const reset = useProcedureMutation('accounts.resetPassword');
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const resetButton = useRef<HTMLButtonElement>(null);
  const passwordId = useId();
  const errorId = useId();
  const error = setRole.error ?? setDisabled.error ?? reset.error;
  const busy = setRole.busy || setDisabled.busy || reset.busy;

  const status = account.disabled
    ? t('accounts.disabled')
    : account.lockedUntil
      ? t('accounts.lockedUntil', { time: formatDateTime(account.lockedUntil, i18n.language) })
      : t('accounts.active');

  return (
    <>
      <tr className={account.disabled ? 'account-disabled' : undefined} data-employee-no={account.employeeNo}>
        <td>{account.employeeNo}</td>
        <td>
          {account.name}
          {self && t('accounts.you')}
        </td>
        <td>
          <select
            className="input input-small"
            aria-label={t('accounts.roleOf', { name: account.name })}
            value={account.role}
            disabled={busy || self}
            onChange={(e) => {
              const role = Role.parse(e.target.value);
              setRole.send({ id: account.id, role }, (changed) =>
                onChanged(changed, t('accounts.roleSaved', { name: changed.name, role: t(`role.${role}`) })),
              );
            }}
          >
            {Role.options.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        </td>
        <td>{account.team ?? t('accounts.noTeam')}</td>
        <td>
          {status}
          {account.activeSessions > 0 && !account.disabled && (
            <span className="muted"> · {t('accounts.sessions', { count: account.activeSessions })}</span>
          )}
        </td>
        <td>
          <div className="account-actions">
            <button
              ref={resetButton}
              type="button"
              className="button button-small"
              aria-label={t('accounts.resetLabel', { name: account.name })}
              aria-expanded={resetting}
              disabled={busy}
              onClick={() => setResetting((r) => !r)}
            >
              {t('accounts.reset')}
            </button>
            {!self && (
              <button
                type="button"
                className={account.disabled ? 'button button-small' : 'button button-small button-danger'}
                aria-label={t(account.disabled ? 'accounts.enableLabel' : 'accounts.disableLabel', { name: account.name })}
                disabled={busy}
                onClick={() =>
                  setDisabled.send({ id: account.id, disabled: !account.disabled }, (changed) =>
                    onChanged(changed, t(changed.disabled ? 'accounts.disabledDone' : 'accounts.enabledDone', { name: changed.name })),
                  )
                }
              >
                {account.disabled ? t('accounts.enable') : t('accounts.disable')}
              </button>
            )}
          </div>
        </td>
      </tr>
      {resetting && (
        <tr className="account-reset-row">
          <td colSpan={6}>
            <form
              className="account-reset"
              aria-label={t('accounts.resetFor', { name: account.name })}
              onSubmit={(e) => {
                e.preventDefault();
                reset.send({ id: account.id, password }, (changed) => {
                  setResetting(false);
                  setPassword('');
                  onChanged(changed, t('accounts.resetDone', { name: changed.name }));
                  resetButton.current?.focus();
                });
              }}
            >
              <label className="field-label" htmlFor={passwordId}>
                {t('accounts.newPassword')}
              </label>
              <input
                id={passwordId}
                className="input"
                type="password"
                autoComplete="new-password"
                autoFocus
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-describedby={reset.error ? errorId : undefined}
                aria-invalid={reset.error ? true : undefined}
              />
              <button type="submit" className="button button-primary button-small" disabled={reset.busy || password.length === 0}>
                {t('accounts.reset')}
              </button>
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  setResetting(false);
                  setPassword('');
                  reset.setError(null);
                  resetButton.current?.focus();
                }}
              >
                {t('accounts.cancel')}
              </button>
              <span className="field-hint">{t('accounts.passwordHint')}</span>
            </form>
          </td>
        </tr>
      )}
      {error !== null && (
        <tr>
          <td colSpan={6}>
            <p id={errorId} className="form-error" role="alert">
              {describeAccountError(error, t)}
            </p>
          </td>
        </tr>
      )}
    </>
  );
}
