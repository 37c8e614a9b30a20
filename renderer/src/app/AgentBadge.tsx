import { useTranslation } from 'react-i18next';
import { describeError } from '../errors/describe-error';
import { useSession } from '../state/use-session';

/** Who is signed in at this desk; every note they save carries this name and number. */
export function AgentBadge() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.status === 'loading') return <span className="agent-badge muted">{t('topbar.sessionLoading')}</span>;
  if (session.status === 'failed') {
    return (
      <span className="agent-badge agent-badge-failed" title={describeError(session.error, t)}>
        {t('topbar.sessionFailed')}{' '}
        <button type="button" className="button button-small" onClick={session.retry}>
          {t('common.retry')}
        </button>
      </span>
    );
  }
  return (
    <span
      className="agent-badge"
      aria-label={`${t('topbar.agentLabel')}: ${t('topbar.agent', { name: session.agent.name, employeeNo: session.agent.employeeNo })}`}
    >
      <span className="agent-avatar" aria-hidden="true">
        {session.agent.name.slice(0, 1)}
      </span>
      {t('topbar.agent', { name: session.agent.name, employeeNo: session.agent.employeeNo })}
    </span>
  );
}
