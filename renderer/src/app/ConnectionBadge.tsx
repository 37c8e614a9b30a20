import { useTranslation } from 'react-i18next';
import { chooseSync, SyncBadge, useDeskSyncState } from '../features/desk-sync';
import { useConnection } from '../state/use-connection';

/**
 * A quiet dot while live updates flow; words only when another desk's notes may not be arriving. A
 * desktop that names a team server shows its sync instead: online or offline, and the unsent writes.
 */
export function ConnectionBadge() {
  const sync = useDeskSyncState(chooseSync());
  if (sync?.serverUrl) return <SyncBadge state={sync} />;
  return <LiveUpdatesBadge />;
}

function LiveUpdatesBadge() {
  const { t } = useTranslation();
  const state = useConnection();
  // Nothing is listening before a customer is open, so there is nothing to report yet.
  if (state === 'idle') return null;
  const label = t(`connection.${state}`);
  const loud = state === 'retrying';
  return (
    <span className={`connection connection-${state}`} role="status" title={label}>
      <span className="connection-dot" aria-hidden="true" />
      <span className={loud ? undefined : 'visually-hidden'}>{label}</span>
    </span>
  );
}
