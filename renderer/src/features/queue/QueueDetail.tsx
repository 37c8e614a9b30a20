import { useTranslation } from 'react-i18next';
import { type Escalation, worksLevel } from '../../../../shared';
import { useSession } from '../../state/use-session';
import { CustomerBrief, useBrief } from '../brief';
import { DecideEscalation, escalationDetail, escalationReason, isWaiting, RegulatorClock } from '../promises';
import { EscalationActions } from './EscalationActions';

interface QueueDetailProps {
  escalation: Escalation;
  now: number;
  /** Opens a case of this customer on the desk (on its promises when asked). */
  onOpenOnDesk(caseId: string, promises: boolean): void;
  onDecided(): void;
  /** A step that keeps it on the queue (accepted, reassigned, moved a level). */
  onChanged(): void;
  onClose(): void;
}

/** An opened row: its state and owner, the workflow's steps and the decision controls (for a request), above the customer's full brief. */
export function QueueDetail({ escalation: e, now, onOpenOnDesk, onDecided, onChanged, onClose }: QueueDetailProps) {
  const { t } = useTranslation();
  const brief = useBrief(e.customerId);
  const session = useSession();
  const me = session.status === 'ready' ? session.agent : null;
  // A decision is a lead's, at the escalation's level, and once accepted its owner's (administrators excepted).
  const mayDecide =
    me !== null && worksLevel(me.role, Math.max(e.level, 2)) && (e.status !== 'accepted' || e.owner?.id === me.id || me.role === 'admin');
  const caseNumbers = new Map((brief.brief?.openCases ?? []).map((c) => [c.id, c.number]));
  return (
    <section className="queue-detail panel" aria-labelledby="queue-detail-title" data-escalation-id={e.id} data-status={e.status}>
      <div className="queue-detail-head">
        <h2 id="queue-detail-title">{t('queue.detailTitle', { number: e.caseNumber, customer: e.customerName })}</h2>
        <span className={`level level-${e.level}`}>{t('cases.levelBadge', { level: e.level })}</span>
        <span className="queue-detail-status">{t(`escalationFlow.status.${e.status}`)}</span>
        <span>{escalationReason(e.reason, t)}</span>
        <button type="button" className="button button-small" onClick={() => onOpenOnDesk(e.caseId, true)}>
          {t('queue.openOnDesk')}
        </button>
        <button type="button" className="button button-small" onClick={onClose}>
          {t('queue.close')}
        </button>
      </div>
      {e.detail && <p className="queue-detail-text">{escalationDetail(e, t)}</p>}
      <p className="queue-detail-owner">
        {e.owner ? t('escalationFlow.owner', { name: e.owner.name, employeeNo: e.owner.employeeNo }) : t('escalationFlow.unowned')}
      </p>
      {e.regulatorDueAt && (
        <p className="queue-detail-regulator">
          <RegulatorClock dueAt={e.regulatorDueAt} now={now} />
        </p>
      )}
      {e.decisionNote && <p className="queue-detail-note">{t('escalation.decisionNote', { note: e.decisionNote })}</p>}
      <div className="queue-decide" aria-label={t('queue.decide')} role="group">
        {!isWaiting(e) ? null : mayDecide ? (
          <DecideEscalation escalation={e} onDecided={onDecided} />
        ) : (
          <p className="muted">{t('escalationFlow.notYours')}</p>
        )}
      </div>
      <EscalationActions escalation={e} me={me} onChanged={onChanged} />
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
