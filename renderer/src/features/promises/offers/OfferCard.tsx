import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Escalation, Offer, OfferStatus, SuppliedFacts } from '../../../../../shared';
import { formatAmount } from '../../../format/amount';
import { AskSupervisorForm } from '../escalations/AskSupervisorForm';
import { isWaiting } from '../escalations/escalation-status';
import type { CommitmentPrefill } from '../commitments/prefill';

const STATUS_MARK: Record<OfferStatus, string> = { allowed: '✓', needs_approval: '!', not_allowed: '✕' };

interface OfferCardProps {
  caseId: string;
  offer: Offer;
  /** The agent's standing approval request for this offer, if any. */
  request: Escalation | null;
  supplied: SuppliedFacts;
  onCommit(prefill: CommitmentPrefill): void;
  onRequested(): void;
}

/**
 * One remedy as the policy engine answered it: whether it may be given, up to how much, why (in the
 * interface language), under which rule, and what the agent can do about it from here.
 */
export function OfferCard({ caseId, offer, request, supplied, onCommit, onRequested }: OfferCardProps) {
  const { t, i18n } = useTranslation();
  const [asking, setAsking] = useState(false);
  const limit = formatAmount(offer.limit, offer.unit, t);
  const name = t(`policy.offer.${offer.offer}`);
  return (
    <li className={`offer offer-${offer.status}`} data-offer={offer.offer} data-status={offer.status}>
      <div className="offer-head">
        <span className="offer-name">{name}</span>
        {offer.status !== 'not_allowed' && <span className="offer-limit">{t('policy.upTo', { amount: limit })}</span>}
        <span className={`offer-status offer-status-${offer.status}`}>
          <span className="offer-status-mark" aria-hidden="true">
            {STATUS_MARK[offer.status]}
          </span>
          {t(`policy.status.${offer.status}`)}
        </span>
      </div>
      <p className="offer-reason">{i18n.language === 'en' ? offer.reasonEn : offer.reasonZh}</p>
      <p className="offer-meta">
        <span>
          {t('policy.rule')} <code className="rule-id">{offer.ruleId}</code>
        </span>
        <span>{t('policy.yourLimit', { amount: formatAmount(offer.authorityLimit, offer.unit, t) })}</span>
        {offer.approver && <span>{t('policy.approver', { role: approverName(offer.approver, t) })}</span>}
      </p>
      {offer.status === 'allowed' && (
        <div className="offer-actions">
          <button
            type="button"
            className="button button-small button-primary"
            onClick={() => onCommit({ kind: offer.offer, amount: offer.limit, fromOffer: offer.offer })}
          >
            {t('policy.promiseThis')}
          </button>
        </div>
      )}
      {offer.status === 'needs_approval' && (
        <div className="offer-approval">
          {request && isWaiting(request) && (
            <p className="offer-request offer-request-open">
              {t('policy.pending', { amount: formatAmount(request.amount ?? 0, offer.unit, t) })}
            </p>
          )}
          {request?.status === 'approved' && (
            <p className="offer-request offer-request-approved">
              {t('policy.approved', { name: request.decidedBy?.name ?? '', amount: formatAmount(request.amount ?? 0, offer.unit, t) })}
              <button
                type="button"
                className="button button-small button-primary"
                onClick={() => onCommit({ kind: offer.offer, amount: request.amount ?? offer.limit, fromOffer: offer.offer })}
              >
                {t('policy.promiseApproved')}
              </button>
            </p>
          )}
          {request?.status === 'denied' && (
            <p className="offer-request offer-request-rejected">
              {t('policy.rejected', { name: request.decidedBy?.name ?? '', amount: formatAmount(request.amount ?? 0, offer.unit, t) })}
            </p>
          )}
          {request && !isWaiting(request) && request.decisionNote && (
            <p className="offer-request-note">{t('escalation.decisionNote', { note: request.decisionNote })}</p>
          )}
          {(!request || request.status === 'denied') &&
            (asking ? (
              <AskSupervisorForm
                caseId={caseId}
                offer={offer}
                supplied={supplied}
                onCancel={() => setAsking(false)}
                onSent={() => {
                  setAsking(false);
                  onRequested();
                }}
              />
            ) : (
              <div className="offer-actions">
                <button type="button" className="button button-small" onClick={() => setAsking(true)}>
                  {t('policy.askSupervisor')}
                </button>
              </div>
            ))}
        </div>
      )}
    </li>
  );
}

/** The policy names the approver by role; a name it does not know is shown as written. */
function approverName(approver: string, t: TFunction): string {
  // One literal key per call: a union of keys makes the catalog's types too deep to check.
  switch (approver) {
    case 'agent':
      return t('role.agent');
    case 'supervisor':
      return t('role.supervisor');
    case 'complaint_centre':
      return t('role.complaint_centre');
    case 'admin':
      return t('role.admin');
    default:
      return approver;
  }
}
