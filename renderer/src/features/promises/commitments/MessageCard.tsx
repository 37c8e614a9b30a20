import { useTranslation } from 'react-i18next';
import type { CustomerMessage } from '../../../../../shared';
import { formatDayTime } from '../../../format/date-time';
import { formatPhone } from '../../../format/phone';
import { CopyButton } from '../../../ui/CopyButton';

const TEMPLATES = ['commitment_created', 'commitment_kept', 'commitment_cancelled', 'commitment_rescheduled'] as const;
type Template = (typeof TEMPLATES)[number];
const isTemplate = (value: string): value is Template => (TEMPLATES as readonly string[]).includes(value);

/**
 * A written confirmation exactly as the customer gets it, where it stands (queued, sent, failed and
 * why), and a copy button: while it waits in the outbox, the agent can send the same words by hand.
 */
export function MessageCard({ message }: { message: CustomerMessage }) {
  const { t, i18n } = useTranslation();
  return (
    <article className={`message message-${message.status}`} data-message-id={message.id} data-status={message.status}>
      <div className="message-head">
        <span className="message-template">
          {isTemplate(message.template) ? t(`message.template.${message.template}`) : message.template}
        </span>
        <span className={`message-status message-status-${message.status}`}>{t(`message.status.${message.status}`)}</span>
        <span className="message-to">{t('message.to', { phone: formatPhone(message.to) })}</span>
        <span className="message-when">
          {message.sentAt
            ? t('message.sentAt', { when: formatDayTime(message.sentAt, i18n.language) })
            : formatDayTime(message.createdAt, i18n.language)}
        </span>
        <CopyButton text={message.body} label={t('message.copy')} />
      </div>
      <p className="message-body" lang={message.locale}>
        {message.body}
      </p>
      {message.status === 'failed' && (
        <p className="message-error">{t('message.failedReason', { error: message.lastError ?? '—', count: message.attempts })}</p>
      )}
    </article>
  );
}
