/** The desktop's team server: its address and sign-in (top bar dialog) and the sync badge. */
import './desk-sync.css';
export { chooseSync, useDeskSyncState } from './sync-api';
export { ServerUnlock } from './ServerUnlock';
export { SyncBadge } from './SyncBadge';
export { TeamServerButton } from './TeamServerButton';
