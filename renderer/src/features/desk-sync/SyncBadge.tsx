import { useTranslation } from 'react-i18next';
import type { DeskSyncState } from '../../../../shared';

/**
 * The top bar's word on the team server (the desktop with a server): online or offline, and how many
 * writes made here have not reached it. Said in words, not only by colour; a live region, so a change is announced.
 */
export function SyncBadge({ state }: { state: DeskSyncState }) {
  const { t } = useTranslation();
  const healthy = state.signedIn && state.online;
  const word = !state.signedIn ? t('deskSync.badge.signedOut') : state.online ? t('deskSync.badge.online') : t('deskSync.badge.offline');
  return (
    <span
      className={`connection ${healthy ? 'connection-open' : 'connection-retrying'} sync-badge`}
      role="status"
      title={state.lastError ?? undefined}
    >
      <span className="connection-dot" aria-hidden="true" />
      <span className="visually-hidden">{t('deskSync.badge.prefix')}</span>
      <span className="sync-badge-state">{word}</span>
      {state.pending > 0 && <span className="sync-badge-pending">{t('deskSync.badge.unsent', { count: state.pending })}</span>}
    </span>
  );
}
