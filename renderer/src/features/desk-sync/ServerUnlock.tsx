import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DeskBridge, type DeskState, type DeskSyncState, type Envelope, PIN_PATTERN, type SyncBridge } from '../../../../shared';
import { adoptAnswer, useDeskSyncState, useSyncFailureText } from './sync-api';
import { CredentialFields } from '../../ui/CredentialFields';

interface Props {
  desk: DeskBridge;
  sync: SyncBridge;
  onState(state: DeskState): void;
}

/**
 * With a team server named, a person unlocks the desk as their server account: employee number and
 * password on the server, and optionally a PIN for this desk (the next unlock, offline too). Without a
 * server it shows nothing: the desk's own profiles and PINs are all there is.
 */
export function ServerUnlock({ desk, sync, onState }: Props) {
  const { t } = useTranslation();
  const syncState = useDeskSyncState(sync);
  const [employeeNo, setEmployeeNo] = useState('');
  const [password, setPassword] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Envelope<DeskSyncState> | null>(null);
  const [local, setLocal] = useState<'required' | 'pinShape' | null>(null);
  const ids = { title: useId(), pin: useId(), pinHint: useId(), error: useId() };
  const describe = useSyncFailureText();
  if (!syncState?.serverUrl) return null;

  const issues = answer && !answer.ok ? (answer.error.issues ?? []) : [];
  const failure =
    local === 'required'
      ? t('deskSync.required')
      : local === 'pinShape' || issues.some((i) => i.path === 'pin')
        ? t('deskPeople.pinShape')
        : issues.some((i) => i.message === 'employee_no_taken')
          ? t('deskPeople.taken')
          : describe(answer);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!employeeNo.trim() || !password) return setLocal('required');
    if (pin !== '' && !PIN_PATTERN.test(pin)) return setLocal('pinShape');
    setLocal(null);
    setBusy(true);
    const envelope = await sync.signIn({ employeeNo: employeeNo.trim(), password, ...(pin ? { pin } : {}) });
    setPassword('');
    setPin('');
    setAnswer(envelope);
    adoptAnswer(sync, envelope);
    if (envelope.ok) {
      // Main unlocked the desk as this account: the gate reads who is at the desk now.
      const state = await desk.state();
      if (state.ok) onState(state.value);
    }
    setBusy(false);
  }

  return (
    <form
      className="sign-in-card desk-lock-card"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={ids.title}
      aria-describedby={failure ? ids.error : undefined}
    >
      <h2 id={ids.title} className="case-section-title">
        {t('deskPeople.title')}
      </h2>
      <p className="muted">{t('deskPeople.intro')}</p>
      <CredentialFields
        labels={{ employeeNo: t('deskPeople.employeeNo'), password: t('deskPeople.password') }}
        employeeNo={employeeNo}
        password={password}
        onEmployeeNo={setEmployeeNo}
        onPassword={setPassword}
      />
      <div className="field">
        <label className="field-label" htmlFor={ids.pin}>
          {t('deskPeople.pin')}
        </label>
        <input
          id={ids.pin}
          className="input desk-lock-pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          aria-describedby={ids.pinHint}
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
        />
        <p id={ids.pinHint} className="muted">
          {t('deskPeople.pinHint')}
        </p>
      </div>
      <div id={ids.error} role="alert" className={failure ? 'form-error' : undefined}>
        {failure}
      </div>
      <button type="submit" className="button button-primary sign-in-submit" disabled={busy} aria-busy={busy || undefined}>
        {busy ? t('deskPeople.submitting') : t('deskPeople.submit')}
      </button>
    </form>
  );
}
