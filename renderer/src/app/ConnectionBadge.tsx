import { useTranslation } from 'react-i18next';
import { useConnection } from '../state/use-connection';

/** A quiet dot while live updates flow; words only when another desk's notes may not be arriving. */
export function ConnectionBadge() {
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
