import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Account, Role } from '../../../../shared';
import { fieldsAtFault } from '../../errors/describe-error';
import { useProcedureMutation } from '../../state/use-procedure-mutation';
import { describeAccountError } from './describe-account-error';

const EMPTY = { employeeNo: '', name: '', role: 'agent' as Role, team: '', password: '' };

/** A new account: employee number, name, role, team and an initial password the person is told in person. */
export function CreateAccountForm({ onCreated }: { onCreated(account: Account): void }) {
  const { t } = useTranslation();
  const create = useProcedureMutation('accounts.create');
  const [form, setForm] = useState(EMPTY);
  const first = useRef<HTMLInputElement>(null);
  const id = useId();
  const faults = fieldsAtFault(create.error);
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    create.send(
      {
        employeeNo: form.employeeNo,
        name: form.name,
        role: form.role,
        password: form.password,
        ...(form.team.trim() ? { team: form.team } : {}),
      },
      (account) => {
        setForm(EMPTY);
        onCreated(account);
        first.current?.focus();
      },
    );
  }

  return (
    <form className="account-create" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="case-section-title">
        {t('accounts.createTitle')}
      </h3>
      <div className="account-create-fields">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-no`}>
            {t('accounts.employeeNo')}
          </label>
          <input
            ref={first}
            id={`${id}-no`}
            className="input"
            inputMode="numeric"
            value={form.employeeNo}
            onChange={set('employeeNo')}
            aria-invalid={faults.has('employeeNo') || undefined}
            required
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-name`}>
            {t('accounts.name')}
          </label>
          <input
            id={`${id}-name`}
            className="input"
            value={form.name}
            onChange={set('name')}
            aria-invalid={faults.has('name') || undefined}
            required
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-role`}>
            {t('accounts.role')}
          </label>
          <select
            id={`${id}-role`}
            className="input"
            value={form.role}
            onChange={(e) => setForm((f) => ({ ...f, role: Role.parse(e.target.value) }))}
          >
            {Role.options.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-team`}>
            {t('accounts.team')}
          </label>
          <input id={`${id}-team`} className="input" value={form.team} onChange={set('team')} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-password`}>
            {t('accounts.initialPassword')}
          </label>
          <input
            id={`${id}-password`}
            className="input"
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={set('password')}
            aria-describedby={`${id}-hint`}
            aria-invalid={faults.has('password') || undefined}
            required
          />
          <span id={`${id}-hint`} className="field-hint">
            {t('accounts.passwordHint')}
          </span>
        </div>
      </div>
      {create.error !== null && (
        <p className="form-error" role="alert">
          {describeAccountError(create.error, t)}
        </p>
      )}
      <div className="dialog-actions">
        <button type="submit" className="button button-primary" disabled={create.busy}>
          {t('accounts.create')}
        </button>
      </div>
    </form>
  );
}
