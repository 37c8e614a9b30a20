import { useTranslation } from 'react-i18next';
import type { Escalation } from '../../../../shared';
import { formatAmount, unitOf } from '../../format/amount';
import { escalationReason } from '../promises';
import { formatHours } from './format-hours';
import { ageHours, hoursLeft, isComplaint, regulatorHoursLeft } from './queue-order';
import { suppliedWords } from './supplied-words';

interface QueueRowProps {
  escalation: Escalation;
  now: number;
  openedAt: string | undefined;
  selected: boolean;
  onOpen(): void;
}

/** One open escalation: case, customer, level, reason, what is asked, age, time left, supplied facts. */
export function QueueRow({ escalation: e, now, openedAt, selected, onOpen }: QueueRowProps) {
  const { t } = useTranslation();
  const left = hoursLeft(e, now, openedAt);
  const regulatorLeft = openedAt && isComplaint(e) ? regulatorHoursLeft(openedAt, now) : null;
  const supplied = suppliedWords(e.supplied, t);
  return (
    <tr
      className={`queue-row${left < 0 ? ' queue-row-breached' : left < 4 ? ' queue-row-risk' : ''}`}
      data-escalation-id={e.id}
      aria-selected={selected}
    >
      <td>
        <button type="button" className="link-button" onClick={onOpen} aria-label={`${t('queue.open')} ${e.caseNumber}`}>
          {e.caseNumber}
        </button>
      </td>
      <td>{e.customerName}</td>
      <td>
        <span className={`level level-${e.level}`}>{t('cases.levelBadge', { level: e.level })}</span>
      </td>
      <td>{escalationReason(e.reason, t)}</td>
      <td>
        {e.offer
          ? t('escalation.asks', { offer: t(`policy.offer.${e.offer}`), amount: formatAmount(e.amount ?? 0, unitOf(e.offer), t) })
          : t('queue.noAsk')}
        {e.detail && <span className="queue-detail-text">{e.detail}</span>}
      </td>
      <td>{t('topbar.agent', { name: e.raisedBy.name, employeeNo: e.raisedBy.employeeNo })}</td>
      <td>{formatHours(ageHours(e, now), t)}</td>
      <td>
        <span className="queue-left">{t(left < 0 ? 'queue.overdue' : 'queue.left', { time: formatHours(left, t) })}</span>
        {regulatorLeft !== null && (
          <span className="queue-regulator" title={t('queue.regulatorHint')}>
            {regulatorLeft >= 0
              ? t('queue.regulator', { count: Math.ceil(regulatorLeft / 24) })
              : t('queue.regulatorOverdue', { count: Math.ceil(-regulatorLeft / 24) })}
          </span>
        )}
      </td>
      <td>{supplied || t('queue.noSupplied')}</td>
    </tr>
  );
}
