import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskSyncState, Envelope, SyncBridge } from '../../../../shared';
import { adoptAnswer, useSyncFailureText } from './sync-api';
import { CredentialFields } from '../../ui/CredentialFields';

type Answer = Envelope<DeskSyncState> | null;

/** A form's failure (or a check made before asking) in its own live region, tied to the form. */
function Failure({ id, text }: { id: string; text: string | null }) {
  return (
    <div id={id} role="alert" className={text ? 'form-error' : undefined}>
      {text}
    </div>
  );
}

/** The server's address: an administrator edits it (or clears it: standalone); anyone else reads it. */
export function ServerForm({ sync, state, isAdmin }: { sync: SyncBridge; state: DeskSyncState; isAdmin: boolean }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(state.serverUrl ?? '');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer>(null);
  const [done, setDone] = useState<string | null>(null);
  const ids = { url: useId(), hint: useId(), error: useId() };
  const failure = useSyncFailureText()(answer);

  if (!isAdmin)
    return (
      <p className="muted">
        {state.serverUrl ? t('deskSync.server', { url: state.serverUrl }) : t('deskSync.standalone')} {t('deskSync.onlyAdmin')}
      </p>
    );

  async function save(serverUrl: string | null) {
    if (busy) return;
    setBusy(true);
    setDone(null);
    const envelope = await sync.setServer({ serverUrl });
    setBusy(false);
    setAnswer(envelope);
    adoptAnswer(sync, envelope);
    if (envelope.ok) {
      setUrl(envelope.value.serverUrl ?? '');
      setDone(envelope.value.serverUrl ? t('deskSync.serverSaved') : t('deskSync.serverCleared'));
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(url);
  }

  return (
    <form className="desk-sync-form" onSubmit={submit} noValidate aria-describedby={failure ? ids.error : undefined}>
      <div className="field">
        <label className="field-label" htmlFor={ids.url}>
          {t('deskSync.serverUrl')}
        </label>
        <input
          id={ids.url}
          className="input"
          type="url"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          aria-describedby={ids.hint}
          aria-invalid={failure ? true : undefined}
        />
        <p id={ids.hint} className="muted field-hint">
          {t('deskSync.serverHint')}
        </p>
      </div>
      <Failure id={ids.error} text={failure} />
      {done && (
        <p className="sign-in-notice" role="status">
          {done}
        </p>
      )}
      <div className="dialog-actions">
        {state.serverUrl && (
          <button type="button" className="button" disabled={busy} onClick={() => void save(null)}>
            {t('deskSync.clearServer')}
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? t('deskSync.saving') : t('deskSync.saveServer')}
        </button>
      </div>
    </form>
  );
}

/** Signing in to the server with the person's password there (not the desk's PIN), or out of it. */
export function SignInForm({ sync, state, onSignedIn }: { sync: SyncBridge; state: DeskSyncState; onSignedIn?: () => void }) {
  const { t } = useTranslation();
  const [employeeNo, setEmployeeNo] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer>(null);
  const [missing, setMissing] = useState(false);
  const [signedOut, setSignedOut] = useState(false);
  const ids = { error: useId(), title: useId() };
  const describe = useSyncFailureText();
  const failure = missing ? t('deskSync.required') : describe(answer);

  async function signIn(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!employeeNo.trim() || !password) return setMissing(true);
    setMissing(false);
    setBusy(true);
    setSignedOut(false);
    const envelope = await sync.signIn({ employeeNo: employeeNo.trim(), password });
    setBusy(false);
    setPassword('');
    setAnswer(envelope);
    adoptAnswer(sync, envelope);
    // With a server, the person who signed in is now the one at the desk (main unlocked it as them).
    if (envelope.ok) onSignedIn?.();
  }

  async function signOut() {
    setBusy(true);
    const envelope = await sync.signOut();
    setBusy(false);
    setAnswer(envelope.ok ? null : envelope);
    adoptAnswer(sync, envelope);
    setSignedOut(envelope.ok);
  }

  if (state.signedIn)
    return (
      <section className="desk-sync-section" aria-labelledby={ids.title}>
        <h3 id={ids.title} className="case-section-title">
          {state.person
            ? t('deskSync.signedInAs', { name: state.person.name, employeeNo: state.person.employeeNo })
            : t('deskSync.signedInOffline')}
        </h3>
        {!state.remembered && <p className="muted">{t('deskSync.notRemembered')}</p>}
        <Failure id={ids.error} text={failure} />
        <button type="button" className="button" disabled={busy} onClick={() => void signOut()}>
          {t('deskSync.signOut')}
        </button>
      </section>
    );

  return (
    <section className="desk-sync-section" aria-labelledby={ids.title}>
      <h3 id={ids.title} className="case-section-title">
        {t('deskSync.signInTitle')}
      </h3>
      <p className="muted">{t('deskSync.signInIntro')}</p>
      {signedOut && (
        <p className="sign-in-notice" role="status">
          {t('deskSync.signedOut')}
        </p>
      )}
      <form className="desk-sync-form" onSubmit={(e) => void signIn(e)} noValidate aria-describedby={failure ? ids.error : undefined}>
        <CredentialFields
          labels={{ employeeNo: t('deskSync.employeeNo'), password: t('deskSync.password') }}
          employeeNo={employeeNo}
          password={password}
          onEmployeeNo={setEmployeeNo}
          onPassword={setPassword}
        />
        <Failure id={ids.error} text={failure} />
        {!state.remembered && <p className="muted">{t('deskSync.notRemembered')}</p>}
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? t('deskSync.signingIn') : t('deskSync.signIn')}
        </button>
      </form>
    </section>
  );
}
