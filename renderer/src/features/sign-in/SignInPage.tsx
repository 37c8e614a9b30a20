import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/date-time';
import { LanguageToggle } from '../../app/LanguageToggle';
import type { AuthApi, SignInFailure } from './auth-api';
import { CredentialFields } from '../../ui/CredentialFields';

/** Why the page is shown, when it is not the first visit: the session ended on its own, or the person signed out. */
export type SignInNotice = 'expired' | 'signedOut' | null;

/** Employee number and password. Errors are said in words, in a live region, and focus goes back to the field to fix. */
export function SignInPage({ auth, notice, onSignedIn }: { auth: AuthApi; notice: SignInNotice; onSignedIn(): void }) {
  const { t, i18n } = useTranslation();
  const [employeeNo, setEmployeeNo] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<SignInFailure | 'required' | null>(null);
  const employeeRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const ids = { error: useId(), notice: useId() };

  useEffect(() => {
    document.title = `${t('auth.title')} · ${t('app.title')}`;
    employeeRef.current?.focus();
  }, [t]);

  const message = (() => {
    if (failure === null) return null;
    if (failure === 'required') return t('auth.required');
    const when = 'retryAt' in failure && failure.retryAt ? formatDateTime(failure.retryAt, i18n.language) : null;
    switch (failure.kind) {
      case 'wrong':
        return t('auth.wrong');
      case 'locked':
        return when ? t('auth.locked', { time: when }) : t('auth.rateLimitedSoon');
      case 'rate_limited':
        return when ? t('auth.rateLimited', { time: when }) : t('auth.rateLimitedSoon');
      case 'unreachable':
        return t('auth.unreachable');
      default:
        return t('auth.failed');
    }
  })();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const number = employeeNo.trim();
    if (!number || !password) {
      setFailure('required');
      (number ? passwordRef : employeeRef).current?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    const outcome = await auth.signIn(number, password);
    setBusy(false);
    if (outcome.ok) {
      onSignedIn();
      return;
    }
    setFailure(outcome);
    if (outcome.kind === 'wrong') {
      setPassword('');
      passwordRef.current?.focus();
    }
  }

  const invalid = failure !== null && (failure === 'required' || failure.kind === 'wrong');
  return (
    <main className="sign-in" aria-labelledby={`${ids.notice}-title`}>
      <form className="sign-in-card" onSubmit={(e) => void submit(e)} noValidate aria-describedby={message ? ids.error : undefined}>
        <div className="sign-in-head">
          <span className="brand-mark" aria-hidden="true">
            约
          </span>
          <h1 id={`${ids.notice}-title`} className="sign-in-title">
            {t('auth.title')}
          </h1>
          <LanguageToggle />
        </div>
        <p className="muted">{t('auth.intro')}</p>
        {notice && !message && (
          <p className="sign-in-notice" role="status">
            {notice === 'expired' ? t('auth.expired') : t('auth.signedOut')}
          </p>
        )}
        <CredentialFields
          labels={{ employeeNo: t('auth.employeeNo'), password: t('auth.password') }}
          employeeNo={employeeNo}
          password={password}
          onEmployeeNo={setEmployeeNo}
          onPassword={setPassword}
          invalid={invalid}
          required
          employeeRef={employeeRef}
          passwordRef={passwordRef}
        />
        <div id={ids.error} role="alert" className={message ? 'form-error' : undefined}>
          {message}
        </div>
        <button type="submit" className="button button-primary sign-in-submit" disabled={busy} aria-busy={busy || undefined}>
          {busy ? t('auth.submitting') : t('auth.submit')}
        </button>
      </form>
    </main>
  );
}
