import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../format/date-time';
import { MessageCard } from './MessageCard';
import type { CreatedCommitment } from './CommitmentForm';

interface CommitmentConfirmationProps {
  result: CreatedCommitment;
  onAnother(): void;
  onDone(): void;
}

/** The promise is on record: what was promised, by when, and the confirmation the customer will read. */
export function CommitmentConfirmation({ result, onAnother, onDone }: CommitmentConfirmationProps) {
  const { t, i18n } = useTranslation();
  const { commitment, message } = result;
  return (
    <div className="promise-done">
      <p className="form-message form-message-ok" role="status">
        {t('promise.done', { number: commitment.caseNumber, when: formatDateTime(commitment.dueAt, i18n.language) })}
      </p>
      <MessageCard message={message} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onAnother}>
          {t('promise.another')}
        </button>
        <button type="button" className="button button-primary" onClick={onDone} autoFocus>
          {t('promise.finish')}
        </button>
      </div>
    </div>
  );
}
