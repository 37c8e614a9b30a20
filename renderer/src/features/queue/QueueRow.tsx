import { useTranslation } from 'react-i18next';
import type { Escalation } from '../../../../shared';
import { formatAmount, unitOf } from '../../format/amount';
import { escalationDetail, escalationReason, RegulatorClock } from '../promises';
import { formatHours } from './format-hours';
import { ageHours, hoursLeft } from './queue-order';
import { suppliedWords } from './supplied-words';

interface QueueRowProps {
  escalation: Escalation;
  now: number;
  selected: boolean;
  onOpen(): void;
}

/** One escalation waiting on someone: case, customer, level, state, owner, reason, what is asked, age, time left, supplied facts. */
export function QueueRow({ escalation: e, now, selected, onOpen }: QueueRowProps) {
  const { t } = useTranslation();
  const left = hoursLeft(e, now);
  const supplied = suppliedWords(e.supplied, t);
  return (
    <tr
      className={`queue-row${left < 0 ? ' queue-row-breached' : left < 4 ? ' queue-row-risk' : ''}`}
      data-escalation-id={e.id}
      data-status={e.status}
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
      <td className="queue-status">{t(`escalationFlow.status.${e.status}`)}</td>
      <td className="queue-owner">
        {e.owner ? t('topbar.agent', { name: e.owner.name, employeeNo: e.owner.employeeNo }) : t('escalationFlow.nobody')}
      </td>
      <td>{escalationReason(e.reason, t)}</td>
      <td>
        {e.offer
          ? t('escalation.asks', { offer: t(`policy.offer.${e.offer}`), amount: formatAmount(e.amount ?? 0, unitOf(e.offer), t) })
          : t('queue.noAsk')}
        {e.detail && <span className="queue-detail-text">{escalationDetail(e, t)}</span>}
      </td>
      <td>{t('topbar.agent', { name: e.raisedBy.name, employeeNo: e.raisedBy.employeeNo })}</td>
      <td>{formatHours(ageHours(e, now), t)}</td>
      <td>
        <span className="queue-left">{t(left < 0 ? 'queue.overdue' : 'queue.left', { time: formatHours(left, t) })}</span>
        {e.regulatorDueAt && (
          <span className="queue-regulator" title={t('queue.regulatorHint')}>
            <RegulatorClock dueAt={e.regulatorDueAt} now={now} compact />
          </span>
        )}
      </td>
      <td>{supplied || t('queue.noSupplied')}</td>
    </tr>
  );
}
