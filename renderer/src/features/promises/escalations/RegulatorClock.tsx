import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../format/date-time';

const DAY = 86_400_000;

/**
 * The regulator's 15-day limit for a complaint, in days left or days overdue. Overdue says so in
 * words and takes the attention colour, so it never rests on colour alone.
 */
export function RegulatorClock({ dueAt, now, compact = false }: { dueAt: string; now: number; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const left = Date.parse(dueAt) - now;
  const overdue = left < 0;
  const date = formatDateTime(dueAt, i18n.language);
  const text = overdue
    ? t('escalationFlow.regulator.overdue', { count: Math.ceil(-left / DAY), date })
    : t('escalationFlow.regulator.left', { count: Math.ceil(left / DAY), date });
  return (
    <span className={`regulator-clock${overdue ? ' regulator-clock-overdue' : ''}`} data-overdue={overdue}>
      {!compact && <span className="regulator-clock-label">{t('escalationFlow.regulator.label')}: </span>}
      {compact && <span className="visually-hidden">{t('escalationFlow.regulator.label')}: </span>}
      {text}
    </span>
  );
}
