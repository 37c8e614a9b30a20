import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DeskBridge, type DeskState, PIN_PATTERN } from '../../../../shared';
import { LanguageToggle } from '../../app/LanguageToggle';
import { type DeskFailure, deskFailure, useFailureText } from './desk-api';
import { ProfileForm } from './ProfileForm';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

interface ScreenProps {
  desk: DeskBridge;
  state: DeskState;
  /** The desk was locked (by the button or by the idle timer), not just started. */
  notice: boolean;
  onState(state: DeskState): void;
  /** More ways in, below the PIN (with a team server: unlocking with the server account). */
  extra?: ReactNode;
}

/** The lock screen: the first profile on an empty desk, else the profile picker and the PIN pad. */
export function DeskLockScreen(props: ScreenProps) {
  const { t } = useTranslation();
  const [created, setCreated] = useState(false);
  useEffect(() => {
    document.title = `${t('deskLock.title')} · ${t('app.title')}`;
  }, [t]);
  return (
    <main className="sign-in desk-lock" aria-labelledby="desk-lock-title">
      {props.state.profiles.length === 0 ? (
        <div className="sign-in-card desk-lock-card">
          <Head title={t('deskLock.firstTitle')} />
          <p className="muted">{t('deskLock.firstIntro')}</p>
          <ProfileForm
            desk={props.desk}
            role="admin"
            onCreated={(s) => {
              setCreated(true);
              props.onState(s);
            }}
          />
        </div>
      ) : (
        <Unlock {...props} created={created} />
      )}
      {props.extra}
    </main>
  );
}

function Head({ title }: { title: string }) {
  return (
    <div className="sign-in-head">
      <span className="brand-mark" aria-hidden="true">
        约
      </span>
      <h1 id="desk-lock-title" className="sign-in-title">
        {title}
      </h1>
      <LanguageToggle />
    </div>
  );
}

function Unlock({ desk, state, notice, onState, created }: ScreenProps & { created: boolean }) {
  const { t } = useTranslation();
  const [profileId, setProfileId] = useState<string | null>(state.profiles.length === 1 ? (state.profiles[0]?.id ?? null) : null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DeskFailure | 'choose' | 'shape' | null>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  const firstProfileRef = useRef<HTMLInputElement>(null);
  const ids = { pin: useId(), error: useId(), profiles: useId() };
  const describe = useFailureText();
  const chosen = state.profiles.find((p) => p.id === profileId) ?? null;

  useEffect(() => {
    (profileId ? pinRef : firstProfileRef).current?.focus();
  }, [profileId]);

  const type = (digit: string) => {
    setPin((p) => (p.length < 8 ? p + digit : p));
    pinRef.current?.focus();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!profileId) {
      setFailure('choose');
      firstProfileRef.current?.focus();
      return;
    }
    if (!PIN_PATTERN.test(pin)) {
      setFailure('shape');
      pinRef.current?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    const envelope = await desk.unlock({ profileId, pin });
    setBusy(false);
    setPin('');
    if (envelope.ok) {
      onState(envelope.value);
      return;
    }
    setFailure(deskFailure(envelope));
    pinRef.current?.focus();
  }

  const message = describe(failure);
  const info = created ? t('deskLock.created') : notice ? t('deskLock.lockedNotice') : null;
  return (
    <form
      className="sign-in-card desk-lock-card"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-describedby={message ? ids.error : undefined}
    >
      <Head title={t('deskLock.title')} />
      <p className="muted">{t('deskLock.intro')}</p>
      {info && !message && (
        <p className="sign-in-notice" role="status">
          {info}
        </p>
      )}
      <fieldset className="desk-lock-profiles">
        <legend className="field-label">{t('deskLock.profiles')}</legend>
        {state.profiles.map((profile, index) => (
          <label key={profile.id} className="desk-lock-profile">
            <input
              ref={index === 0 ? firstProfileRef : undefined}
              type="radio"
              name="profile"
              value={profile.id}
              checked={profileId === profile.id}
              onChange={() => {
                setProfileId(profile.id);
                setPin('');
                setFailure(null);
              }}
            />
            <span className="desk-lock-name">{profile.name}</span>
            <span className="muted">
              {profile.employeeNo} · {t(`role.${profile.role}`)}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label className="field-label" htmlFor={ids.pin}>
          {chosen ? t('deskLock.pinFor', { name: chosen.name }) : t('deskLock.pin')}
        </label>
        <input
          ref={pinRef}
          id={ids.pin}
          name="pin"
          type="password"
          className="input desk-lock-pin"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
          aria-invalid={failure !== null && failure !== 'choose' ? true : undefined}
          disabled={!profileId}
        />
      </div>
      <div className="desk-lock-pad" role="group" aria-label={t('deskLock.pad')}>
        {DIGITS.map((digit) => (
          <button
            key={digit}
            type="button"
            className="button desk-lock-key"
            onClick={() => type(digit)}
            aria-label={t('deskLock.digit', { digit })}
            disabled={!profileId}
          >
            {digit}
          </button>
        ))}
        <button
          type="button"
          className="button desk-lock-key"
          onClick={() => {
            setPin((p) => p.slice(0, -1));
            pinRef.current?.focus();
          }}
          aria-label={t('deskLock.erase')}
          disabled={!profileId}
        >
          {t('deskLock.eraseShort')}
        </button>
        <button type="button" className="button desk-lock-key" onClick={() => setPin('')} disabled={!profileId}>
          {t('deskLock.clear')}
        </button>
      </div>
      <div id={ids.error} role="alert" className={message ? 'form-error' : undefined}>
        {message}
      </div>
      <button type="submit" className="button button-primary sign-in-submit" disabled={busy} aria-busy={busy || undefined}>
        {busy ? t('deskLock.unlocking') : t('deskLock.unlock')}
      </button>
    </form>
  );
}
