/** Alerts about commitments falling due or broken: in the corner, and as desktop notices. */
import './alerts.css';
export { AlertToasts } from './AlertToasts';
export { useDesktopNotices, useNoticePermission } from './desktop-notices';
export { useCommitmentAlerts, type CommitmentAlert } from './use-commitment-alerts';
