import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Escalation } from '../../../../../shared';
import { formatAmount, unitOf } from '../../../format/amount';
import { isLead, useSession } from '../../../state/use-session';
import { escalationDetail, escalationReason } from '../offers/escalation-reason';
import { isWaiting, statusKey } from './escalation-status';
import { AgentName, When } from '../../../ui/EntryParts';
import { DecideEscalation } from './DecideEscalation';

/**
 * One escalation: the level, why (the policy trigger, or an agent asking for approval), the offer and
 * amount asked for, who raised it and who decided. A supervisor decides open requests here.
 */
interface EscalationItemProps {
  escalation: Escalation;
  onDecided(): void;
  /** Shown at the end of its first line, e.g. a way to open the case from a list across cases. */
  action?: ReactNode;
}

/** The facts the requester supplied, in words: the approver weighs them knowing the record did not hold them. */
function suppliedFacts(supplied: Escalation['supplied'], t: TFunction): string {
  return Object.entries(supplied)
    .map(([fact, value]) =>
      typeof value === 'boolean'
        ? t(`policy.fact.${fact as 'regulatorMentioned'}`)
        : `${t(`policy.fact.${fact as 'voucherValue'}`)} ${value}`,
    )
    .join('；');
}

export function EscalationItem({ escalation: e, onDecided, action }: EscalationItemProps) {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <li className={`escalation-item escalation-item-${e.status}`} data-escalation-id={e.id} data-status={e.status}>
      <div className="entry-head">
        <span className={`level level-${e.level}`}>{t('cases.levelBadge', { level: e.level })}</span>
        <span className="escalation-reason">{escalationReason(e.reason, t)}</span>
        <span className="escalation-case">
          {e.caseNumber} · {e.customerName}
        </span>
        <span className={`escalation-status escalation-status-${e.status}`}>{t(statusKey(e))}</span>
        <When at={e.createdAt} />
        <AgentName agent={e.raisedBy} />
        {action && <span className="entry-actions">{action}</span>}
      </div>
      {e.offer && (
        <p className="escalation-offer">
          {t('escalation.asks', { offer: t(`policy.offer.${e.offer}`), amount: formatAmount(e.amount ?? 0, unitOf(e.offer), t) })}
        </p>
      )}
      {e.detail && <p className="escalation-detail">{escalationDetail(e, t)}</p>}
      {e.owner && <p className="escalation-owner">{t('escalationFlow.owner', { name: e.owner.name, employeeNo: e.owner.employeeNo })}</p>}
      {Object.keys(e.supplied).length > 0 && (
        <p className="escalation-supplied">{t('escalation.supplied', { facts: suppliedFacts(e.supplied, t) })}</p>
      )}
      {e.decidedBy && e.decidedAt && (
        <p className="escalation-decided">
          {t(e.decision === 'denied' ? 'escalation.rejectedBy' : 'escalation.approvedBy', {
            name: e.decidedBy.name,
            employeeNo: e.decidedBy.employeeNo,
          })}{' '}
          <When at={e.decidedAt} />
        </p>
      )}
      {e.decisionNote && <p className="escalation-decision-note">{t('escalation.decisionNote', { note: e.decisionNote })}</p>}
      {isLead(session) && isWaiting(e) && e.offer && <DecideEscalation escalation={e} onDecided={onDecided} />}
    </li>
  );
}
