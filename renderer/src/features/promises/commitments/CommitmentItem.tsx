import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment, CustomerMessage } from '../../../../../shared';
import { formatAmount, unitOf } from '../../../format/amount';
import { useServerNow } from '../../../state/server-clock';
import { commitmentTiming } from '../../../format/commitment-timing';
import { AgentName, When } from '../../../ui/EntryParts';
import { MessageCard } from './MessageCard';
import { RescheduleCommitmentForm } from './RescheduleCommitmentForm';
import { type Resolution, type ResolvedCommitment, ResolveCommitmentForm } from './ResolveCommitmentForm';

/** How a promise stands, as one word: open ones say whether they are late or due within a day. */
function stateOf(c: Commitment): 'overdue' | 'dueSoon' | 'open' | 'kept' | 'broken' | 'cancelled' {
  if (c.status !== 'open') return c.status;
  return c.overdue ? 'overdue' : c.dueSoon ? 'dueSoon' : 'open';
}

interface CommitmentItemProps {
  commitment: Commitment;
  /** Its written confirmations, newest first. */
  messages: readonly CustomerMessage[];
  onResolved(result: ResolvedCommitment): void;
}

/** A promise on the case in full: status, kind, amount, owner, due time, the words, and every confirmation sent about it. */
export function CommitmentItem({ commitment: c, messages, onResolved }: CommitmentItemProps) {
  const { t } = useTranslation();
  const now = useServerNow();
  const [resolving, setResolving] = useState<Resolution | 'rescheduled' | null>(null);
  const state = stateOf(c);
  const grant = c.kind === 'extension' || c.kind === 'conversion' || c.kind === 'refund' || c.kind === 'goodwill' ? c.kind : null;
  const locale = messages[messages.length - 1]?.locale ?? 'zh-CN';
  return (
    <li className={`case-commitment case-commitment-${state}`} data-commitment-id={c.id} data-status={c.status}>
      <div className="entry-head">
        <span className={`commitment-flag commitment-flag-${state}`}>{t(`commitments.bucket.${state}`)}</span>
        <span className="commitment-kind">{t(`commitment.kind.${c.kind}`)}</span>
        {grant && c.amount !== null && <span className="commitment-amount">{formatAmount(c.amount, unitOf(grant), t)}</span>}
        <AgentName agent={c.owner} />
        <span className="commitment-due">
          {t('commitments.dueAt')} <When at={c.dueAt} />
        </span>
        {/* Past due dates already say how long ago; an open one says how long is left, or how late it is. */}
        {c.status === 'open' && <span className="commitment-timing">{commitmentTiming(c, now(), t)}</span>}
      </div>
      <p className="case-commitment-wording">{c.wording}</p>
      {c.resolutionReason && (
        <p className="case-commitment-resolution">
          {c.status === 'broken' && c.resolutionReason === 'overdue'
            ? t('commitments.brokenByClock')
            : t(c.status === 'kept' ? 'commitments.keptBecause' : 'commitments.cancelledBecause', { reason: c.resolutionReason })}
        </p>
      )}
      {c.status === 'open' &&
        (resolving === 'rescheduled' ? (
          <RescheduleCommitmentForm
            commitment={c}
            locale={locale}
            onCancel={() => setResolving(null)}
            onRescheduled={(result) => {
              setResolving(null);
              onResolved(result);
            }}
          />
        ) : resolving ? (
          <ResolveCommitmentForm
            commitment={c}
            status={resolving}
            locale={locale}
            onCancel={() => setResolving(null)}
            onResolved={(result) => {
              setResolving(null);
              onResolved(result);
            }}
          />
        ) : (
          <div className="case-commitment-actions">
            <button type="button" className="button button-small" onClick={() => setResolving('kept')}>
              {t('resolve.kept')}
            </button>
            <button type="button" className="button button-small" onClick={() => setResolving('rescheduled')}>
              {t('resolve.reschedule')}
            </button>
            <button type="button" className="button button-small" onClick={() => setResolving('cancelled')}>
              {t('resolve.cancel')}
            </button>
          </div>
        ))}
      {messages.length > 0 && (
        <div className="case-commitment-messages" role="group" aria-label={t('message.heading')}>
          {messages.map((m) => (
            <MessageCard key={m.id} message={m} />
          ))}
        </div>
      )}
    </li>
  );
}
