import { useTranslation } from 'react-i18next';
import { useNoticePermission } from '../features/alerts';

/**
 * In a browser, notices outside the console need the agent's yes, asked for on a click. The
 * desktop app has it already (only the console's own page may notify), so nothing shows there.
 */
export function DesktopNoticeToggle() {
  const { t } = useTranslation();
  const { permission, ask } = useNoticePermission();
  if (permission === 'default') {
    return (
      <button type="button" className="button button-small notice-toggle" onClick={ask} title={t('alert.notice.askHint')}>
        {t('alert.notice.ask')}
      </button>
    );
  }
  if (permission === 'denied') {
    return (
      <span className="notice-blocked" title={t('alert.notice.blockedHint')}>
        {t('alert.notice.blocked')}
      </span>
    );
  }
  return null;
}
