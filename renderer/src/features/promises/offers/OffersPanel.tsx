import { useTranslation } from 'react-i18next';
import type { Escalation } from '../../../../../shared';
import { describeError } from '../../../errors/describe-error';
import { SHORTCUTS } from '../../../state/shortcuts';
import { Kbd } from '../../../ui/Kbd';
import { RetryError } from '../../../ui/RetryError';
import { requestFor } from '../escalations/offer-escalation';
import { BY_HAND, type CommitmentPrefill } from '../commitments/prefill';
import { BundleVersion } from './BundleVersion';
import { EscalationAnswer } from './EscalationAnswer';
import { OfferCard } from './OfferCard';
import { SuppliedFactsForm } from './SuppliedFactsForm';
import type { PolicyAnswerState } from './use-policy-answer';
import { WhyDetails } from './WhyDetails';

interface OffersPanelProps {
  caseId: string;
  policy: PolicyAnswerState;
  escalations: readonly Escalation[];
  onCommit(prefill: CommitmentPrefill): void;
  /** An approval was asked for: the case's requests are read again. */
  onRequested(): void;
}

/**
 * "What can I offer?": the policy engine's answer for this case, shown as it came. Nothing here
 * decides what is allowed; the host does, and checks again when the promise is made.
 */
export function OffersPanel({ caseId, policy, escalations, onCommit, onRequested }: OffersPanelProps) {
  const { t } = useTranslation();
  const { answer, error, busy, supplied, evaluate } = policy;
  return (
    <div className="offers-panel" aria-busy={busy}>
      {error !== null && <RetryError onRetry={() => evaluate()}>{t('policy.failed', { reason: describeError(error, t) })}</RetryError>}
      {!answer && error === null && <p className="muted">{t('policy.loading')}</p>}
      {answer && (
        <>
          <EscalationAnswer escalation={answer.escalation} />
          {answer.offers.length === 0 ? (
            <p className="case-empty">{t('policy.noOffers')}</p>
          ) : (
            <ul className="offer-list" aria-label={t('policy.offersLabel')}>
              {answer.offers.map((offer) => (
                <OfferCard
                  key={`${offer.offer}-${offer.ruleId}`}
                  caseId={caseId}
                  offer={offer}
                  request={requestFor(offer.offer, escalations)}
                  supplied={supplied}
                  onCommit={onCommit}
                  onRequested={onRequested}
                />
              ))}
            </ul>
          )}
          <SuppliedFactsForm facts={answer.facts} supplied={supplied} busy={busy} onEvaluate={evaluate} />
          <WhyDetails answer={answer}>
            <BundleVersion version={answer.bundleVersion} />
            <button
              type="button"
              className="button button-small offers-by-hand"
              onClick={() => onCommit(BY_HAND)}
              aria-keyshortcuts="Alt+M"
            >
              + {t('policy.byHand')} <Kbd keys={SHORTCUTS.commitment.keys} />
            </button>
          </WhyDetails>
        </>
      )}
    </div>
  );
}
