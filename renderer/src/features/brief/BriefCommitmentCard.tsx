import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../../../shared';
import { CommitmentWhen } from './CommitmentWhen';

export type CommitmentBucket = 'broken' | 'overdue' | 'dueSoon' | 'open';

interface BriefCommitmentProps {
  commitment: Commitment;
  bucket: CommitmentBucket;
  /** The host's time when the brief was read. */
  now: string;
  onOpen(caseId: string): void;
}

/**
 * A broken or overdue promise, spelled out in three short lines: how long ago it was due (and when),
 * then the case, the exact words the customer was given and who gave them, with employee number.
 * These are what the caller is angry about.
 */
export function BriefCommitmentCard({ commitment: c, bucket, now, onOpen }: BriefCommitmentProps) {
  const { t } = useTranslation();
  return (
    <li className={`commitment-card commitment-card-${bucket}`} data-commitment-id={c.id} data-bucket={bucket}>
      <button type="button" className="commitment-card-button" onClick={() => onOpen(c.caseId)} title={t('commitments.openHint')}>
        <span className="commitment-top">
          <span className={`commitment-flag commitment-flag-${bucket}`}>
            {bucket === 'broken' && (
              <span className="commitment-flag-icon" aria-hidden="true">
                ✕
              </span>
            )}
            {t(`commitments.bucket.${bucket}`)}
          </span>
          <CommitmentWhen commitment={c} now={now} />
        </span>
        <span className="commitment-what">
          <span className="case-number">{c.caseNumber}</span>{' '}
          <span className="commitment-wording">{t('commitments.quoted', { wording: c.wording })}</span>{' '}
          <span className="commitment-owner" data-employee-no={c.owner.employeeNo}>
            {t('timeline.agent', { name: c.owner.name, employeeNo: c.owner.employeeNo })}
          </span>
        </span>
      </button>
    </li>
  );
}
