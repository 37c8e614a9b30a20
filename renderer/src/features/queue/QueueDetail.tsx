import { useTranslation } from 'react-i18next';
import type { Escalation } from '../../../../shared';
import { CustomerBrief, useBrief } from '../brief';
import { DecideEscalation, escalationReason } from '../promises';

interface QueueDetailProps {
  escalation: Escalation;
  /** Opens a case of this customer on the desk (on its promises when asked). */
  onOpenOnDesk(caseId: string, promises: boolean): void;
  onDecided(): void;
  onClose(): void;
}

/** An opened row: the decision controls (for a request) above the customer's full brief. */
export function QueueDetail({ escalation: e, onOpenOnDesk, onDecided, onClose }: QueueDetailProps) {
  const { t } = useTranslation();
  const brief = useBrief(e.customerId);
  const caseNumbers = new Map((brief.brief?.openCases ?? []).map((c) => [c.id, c.number]));
  return (
    <section className="queue-detail panel" aria-labelledby="queue-detail-title" data-escalation-id={e.id}>
      <div className="queue-detail-head">
        <h2 id="queue-detail-title">{t('queue.detailTitle', { number: e.caseNumber, customer: e.customerName })}</h2>
        <span className={`level level-${e.level}`}>{t('cases.levelBadge', { level: e.level })}</span>
        <span>{escalationReason(e.reason, t)}</span>
        <button type="button" className="button button-small" onClick={() => onOpenOnDesk(e.caseId, true)}>
          {t('queue.openOnDesk')}
        </button>
        <button type="button" className="button button-small" onClick={onClose}>
          {t('queue.close')}
        </button>
      </div>
      {e.detail && <p className="queue-detail-text">{e.detail}</p>}
      <div className="queue-decide" aria-label={t('queue.decide')} role="group">
        {e.offer ? <DecideEscalation escalation={e} onDecided={onDecided} /> : <p className="muted">{t('queue.decideNotRequest')}</p>}
      </div>
      <CustomerBrief
        state={brief}
        caseNumbers={caseNumbers}
        onOpenCase={(caseId) => onOpenOnDesk(caseId, false)}
        onOpenCommitments={(caseId) => onOpenOnDesk(caseId, true)}
        onCommit={() => onOpenOnDesk(e.caseId, true)}
        onAddFact={() => onOpenOnDesk(e.caseId, false)}
        onUnpinFact={async () => onOpenOnDesk(e.caseId, false)}
      />
    </section>
  );
}
