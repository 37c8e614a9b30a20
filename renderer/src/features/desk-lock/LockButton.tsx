import { useTranslation } from 'react-i18next';
import { useDeskLock } from './desk-lock-context';

/** Locks the desk (the desktop's top bar); nothing in a browser. */
export function LockButton() {
  const { t } = useTranslation();
  const desk = useDeskLock();
  if (!desk) return null;
  const label = t('deskLock.lockLabel', { name: desk.current.name, employeeNo: desk.current.employeeNo, minutes: desk.idleLockMinutes });
  return (
    <button type="button" className="button button-small desk-lock-button" onClick={desk.lock} aria-label={label} title={label}>
      {t('deskLock.lock')}
    </button>
  );
}
