import { useTranslation } from 'react-i18next';
import { useSession } from '../../state/use-session';
import { useAuth } from './auth-context';

/** Sign-out in the top bar (browser only; the desktop has its own local actor). */
export function SignOutButton() {
  const { t } = useTranslation();
  const auth = useAuth();
  const session = useSession();
  if (!auth.canSignOut) return null;
  const label =
    session.status === 'ready'
      ? t('auth.signOutLabel', { name: session.agent.name, employeeNo: session.agent.employeeNo })
      : t('auth.signOut');
  return (
    <button type="button" className="button button-small sign-out-button" onClick={auth.signOut} aria-label={label} title={label}>
      {t('auth.signOut')}
    </button>
  );
}
