import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DeskBridge, type DeskProfile, type DeskState, PIN_PATTERN } from '../../../../shared';
import { type DeskFailure, deskFailure, useFailureText } from './desk-api';

const ROLES: DeskProfile['role'][] = ['agent', 'supervisor', 'complaint_centre', 'admin'];

/**
 * A new profile: employee number, name, PIN twice and (when adding, not for the first profile) the
 * role. Main decides who may add one; errors are said in words in a live region.
 */
export function ProfileForm({
  desk,
  role: fixedRole,
  onCreated,
}: {
  desk: DeskBridge;
  /** The first profile's role; undefined: the form offers a choice. */
  role?: DeskProfile['role'];
  onCreated(state: DeskState, name: string): void;
}) {
  const { t } = useTranslation();
  const [employeeNo, setEmployeeNo] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<DeskProfile['role']>(fixedRole ?? 'agent');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DeskFailure | 'shape' | 'required' | 'mismatch' | null>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  const ids = { employeeNo: useId(), name: useId(), role: useId(), pin: useId(), again: useId(), error: useId() };
  const describe = useFailureText();

  useEffect(() => firstRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!employeeNo.trim() || !name.trim() || !pin) return setFailure('required');
    if (!PIN_PATTERN.test(pin)) return setFailure('shape');
    if (pin !== again) return setFailure('mismatch');
    setBusy(true);
    setFailure(null);
    const envelope = await desk.createProfile({ employeeNo: employeeNo.trim(), name: name.trim(), role, pin });
    setBusy(false);
    setPin('');
    setAgain('');
    if (envelope.ok) onCreated(envelope.value, name.trim());
    else setFailure(deskFailure(envelope));
  }

  const digitsOnly = (value: string) => value.replace(/\D/g, '').slice(0, 8);
  const message = describe(failure);
  const field = (id: string, label: string, input: ReactNode) => (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {input}
    </div>
  );
  return (
    <form className="desk-lock-form" onSubmit={(e) => void submit(e)} noValidate aria-describedby={message ? ids.error : undefined}>
      {field(
        ids.employeeNo,
        t('deskLock.employeeNo'),
        <input
          ref={firstRef}
          id={ids.employeeNo}
          className="input"
          inputMode="numeric"
          value={employeeNo}
          onChange={(e) => setEmployeeNo(e.target.value)}
        />,
      )}
      {field(
        ids.name,
        t('deskLock.name'),
        <input id={ids.name} className="input" value={name} onChange={(e) => setName(e.target.value)} />,
      )}
      {fixedRole === undefined &&
        field(
          ids.role,
          t('deskLock.role'),
          <select id={ids.role} className="input" value={role} onChange={(e) => setRole(e.target.value as DeskProfile['role'])}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>,
        )}
      {field(
        ids.pin,
        t('deskLock.pin'),
        <input
          id={ids.pin}
          type="password"
          className="input desk-lock-pin"
          inputMode="numeric"
          autoComplete="new-password"
          maxLength={8}
          value={pin}
          onChange={(e) => setPin(digitsOnly(e.target.value))}
        />,
      )}
      {field(
        ids.again,
        t('deskLock.pinRepeat'),
        <input
          id={ids.again}
          type="password"
          className="input desk-lock-pin"
          inputMode="numeric"
          autoComplete="new-password"
          maxLength={8}
          value={again}
          onChange={(e) => setAgain(digitsOnly(e.target.value))}
        />,
      )}
      <div id={ids.error} role="alert" className={message ? 'form-error' : undefined}>
        {message}
      </div>
      <button type="submit" className="button button-primary sign-in-submit" disabled={busy} aria-busy={busy || undefined}>
        {busy ? t('deskLock.creating') : t('deskLock.create')}
      </button>
    </form>
  );
}
