import { useTranslation } from 'react-i18next';
import type { Commitment, CustomerMessage, Escalation } from '../../../../../shared';
import { EscalationItem } from '../escalations/EscalationItem';
import { CommitmentItem } from './CommitmentItem';
import { MessageCard } from './MessageCard';

/** Open promises first, the soonest due at the top; then the broken ones; then those settled. */
const ORDER: Record<Commitment['status'], number> = { open: 0, broken: 1, kept: 2, cancelled: 3 };

function byUrgency(a: Commitment, b: Commitment): number {
  return ORDER[a.status] - ORDER[b.status] || (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0);
}

interface CaseCommitmentsProps {
  commitments: readonly Commitment[];
  messages: readonly CustomerMessage[];
  escalations: readonly Escalation[];
  onChanged(): void;
}

/** The case's promises, each with every written confirmation about it, then its escalations and approval requests. */
export function CaseCommitments({ commitments, messages, escalations, onChanged }: CaseCommitmentsProps) {
  const { t } = useTranslation();
  const loose = messages.filter((m) => !m.commitmentId || !commitments.some((c) => c.id === m.commitmentId));
  return (
    <div className="case-promises">
      <section aria-labelledby="case-commitments-title">
        <h3 id="case-commitments-title" className="case-section-title">
          {t('brief.commitments')} <span className="brief-count">{commitments.length}</span>
        </h3>
        {commitments.length === 0 ? (
          <p className="case-empty">{t('commitments.noneOnCase')}</p>
        ) : (
          <ul className="case-commitment-list">
            {[...commitments].sort(byUrgency).map((c) => (
              <CommitmentItem key={c.id} commitment={c} messages={messages.filter((m) => m.commitmentId === c.id)} onResolved={onChanged} />
            ))}
          </ul>
        )}
      </section>
      {escalations.length > 0 && (
        <section aria-labelledby="case-escalations-title">
          <h3 id="case-escalations-title" className="case-section-title">
            {t('escalation.heading')} <span className="brief-count">{escalations.length}</span>
          </h3>
          <ul className="escalation-list">
            {escalations.map((e) => (
              <EscalationItem key={e.id} escalation={e} onDecided={onChanged} />
            ))}
          </ul>
        </section>
      )}
      {loose.length > 0 && (
        <section aria-labelledby="case-messages-title">
          <h3 id="case-messages-title" className="case-section-title">
            {t('message.other')}
          </h3>
          {loose.map((m) => (
            <MessageCard key={m.id} message={m} />
          ))}
        </section>
      )}
    </div>
  );
}
