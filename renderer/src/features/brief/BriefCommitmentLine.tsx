import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../../../shared';
import type { CommitmentBucket } from './BriefCommitmentCard';
import { CommitmentWhen } from './CommitmentWhen';

interface BriefCommitmentLineProps {
  commitment: Commitment;
  bucket: Extract<CommitmentBucket, 'dueSoon' | 'open'>;
  now: string;
  onOpen(caseId: string): void;
}

/** A promise still in time, in two short lines: when it is due, then the case and the words (in full on hover and in the case). */
export function BriefCommitmentLine({ commitment: c, bucket, now, onOpen }: BriefCommitmentLineProps) {
  const { t } = useTranslation();
  const owner = t('timeline.agent', { name: c.owner.name, employeeNo: c.owner.employeeNo });
  return (
    <li className={`commitment-line commitment-line-${bucket}`} data-commitment-id={c.id} data-bucket={bucket}>
      <button type="button" className="commitment-line-button" onClick={() => onOpen(c.caseId)} title={`${c.wording}\n${owner}`}>
        <span className="commitment-top">
          <span className={`commitment-flag commitment-flag-${bucket}`}>{t(`commitments.bucket.${bucket}`)}</span>
          <CommitmentWhen commitment={c} now={now} />
        </span>
        <span className="commitment-what commitment-what-line">
          <span className="case-number">{c.caseNumber}</span>{' '}
          <span className="commitment-wording">{t('commitments.quoted', { wording: c.wording })}</span>{' '}
          <span className="commitment-owner" data-employee-no={c.owner.employeeNo}>
            {owner}
          </span>
        </span>
      </button>
    </li>
  );
}
