import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BriefCommitments as Commitments } from '../../../../shared';
import { SHORTCUTS } from '../../state/shortcuts';
import { Kbd } from '../../ui/Kbd';
import { BriefCommitmentCard } from './BriefCommitmentCard';
import { BriefCommitmentLine } from './BriefCommitmentLine';

/** Broken and overdue promises are spelled out; past these, the rest wait behind "show all" so the brief stays on one screen. */
const CARDS_AT_FIRST = 3;
const LINES_AT_FIRST = 2;

interface BriefCommitmentsProps {
  commitments: Commitments;
  /** The host's time when the brief was read. */
  now: string;
  onOpenCase(caseId: string): void;
  onCommit(): void;
}

/**
 * What we promised this customer. Broken promises come first, in red, with who made them and how
 * long ago they were due; then overdue ones; then those due within a day and the rest, a line each.
 */
export function BriefCommitments({ commitments, now, onOpenCase, onCommit }: BriefCommitmentsProps) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const { broken, overdue, dueSoon, open } = commitments;
  const cards = [...broken.map((c) => ({ c, bucket: 'broken' as const })), ...overdue.map((c) => ({ c, bucket: 'overdue' as const }))];
  const lines = [...dueSoon.map((c) => ({ c, bucket: 'dueSoon' as const })), ...open.map((c) => ({ c, bucket: 'open' as const }))];
  const shownCards = all ? cards : cards.slice(0, CARDS_AT_FIRST);
  const shownLines = all ? lines : lines.slice(0, LINES_AT_FIRST);
  const hidden = cards.length - shownCards.length + lines.length - shownLines.length;
  const counts = (['broken', 'overdue', 'dueSoon', 'open'] as const).filter((bucket) => commitments[bucket].length > 0);

  return (
    <section className="brief-section brief-commitments" aria-labelledby="brief-commitments-title" data-region="commitments">
      <h3 className="brief-heading">
        <span id="brief-commitments-title">{t('brief.commitments')}</span>
        {counts.map((bucket) => (
          <span key={bucket} className={`commitment-count commitment-count-${bucket}`} data-bucket={bucket}>
            {t(`commitments.count.${bucket}`, { count: commitments[bucket].length })}
          </span>
        ))}
        <button type="button" className="link-button brief-heading-action" onClick={onCommit} aria-keyshortcuts="Alt+M">
          + {t('commitments.add')} <Kbd keys={SHORTCUTS.commitment.keys} />
        </button>
      </h3>
      {cards.length + lines.length === 0 ? (
        <p className="brief-empty">{t('commitments.none')}</p>
      ) : (
        <ul className="commitment-list">
          {shownCards.map(({ c, bucket }) => (
            <BriefCommitmentCard key={c.id} commitment={c} bucket={bucket} now={now} onOpen={onOpenCase} />
          ))}
          {shownLines.map(({ c, bucket }) => (
            <BriefCommitmentLine key={c.id} commitment={c} bucket={bucket} now={now} onOpen={onOpenCase} />
          ))}
        </ul>
      )}
      {(hidden > 0 || all) && (
        <button type="button" className="link-button brief-more" onClick={() => setAll((v) => !v)} aria-expanded={all}>
          {all ? t('brief.fewerFacts') : t('commitments.more', { count: hidden })}
        </button>
      )}
    </section>
  );
}
