import { useTranslation } from 'react-i18next';
import { formatDayTime } from '../../format/date-time';
import type { CommitmentAlert } from './use-commitment-alerts';

interface AlertToastsProps {
  alerts: readonly CommitmentAlert[];
  onOpen(alert: CommitmentAlert): void;
  onDismiss(key: string): void;
}

/**
 * Promises falling due or broken, in the corner of the desk until dismissed. The two live regions
 * are always there, so a screen reader hears what is added: a broken promise at once (alert), one
 * falling due politely (status).
 */
export function AlertToasts({ alerts, onOpen, onDismiss }: AlertToastsProps) {
  const { t } = useTranslation();
  const broken = alerts.filter((a) => a.kind === 'commitment_broken');
  const due = alerts.filter((a) => a.kind === 'commitment_due');
  return (
    <section className="toasts" aria-label={t('alert.region')}>
      <div role="alert" className="toast-stack">
        {broken.map((alert) => (
          <Toast key={alert.key} alert={alert} onOpen={onOpen} onDismiss={onDismiss} />
        ))}
      </div>
      <div role="status" className="toast-stack">
        {due.map((alert) => (
          <Toast key={alert.key} alert={alert} onOpen={onOpen} onDismiss={onDismiss} />
        ))}
      </div>
    </section>
  );
}

function Toast({
  alert,
  onOpen,
  onDismiss,
}: {
  alert: CommitmentAlert;
  onOpen(alert: CommitmentAlert): void;
  onDismiss(key: string): void;
}) {
  const { t, i18n } = useTranslation();
  const broken = alert.kind === 'commitment_broken';
  return (
    <div className={`toast toast-${broken ? 'broken' : 'due'}`} data-commitment-id={alert.commitmentId}>
      <p className="toast-text">
        {t(`alert.${broken ? 'broken' : 'due'}.${alert.mine ? 'mine' : 'customer'}`, {
          wording: alert.wording,
          when: formatDayTime(alert.dueAt, i18n.language),
        })}
      </p>
      <div className="toast-actions">
        <button type="button" className="button button-small" onClick={() => onOpen(alert)}>
          {t('alert.open')}
        </button>
        <button type="button" className="icon-button toast-dismiss" onClick={() => onDismiss(alert.key)} aria-label={t('alert.dismiss')}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
    </div>
  );
}
