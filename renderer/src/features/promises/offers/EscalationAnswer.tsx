import { useTranslation } from 'react-i18next';
import type { PolicyAnswer } from '../../../../../shared';
import { escalationReason } from './escalation-reason';

/** Whether this case must go up, to which level, and every trigger that says so. */
export function EscalationAnswer({ escalation }: { escalation: PolicyAnswer['escalation'] }) {
  const { t } = useTranslation();
  const level = String(escalation.level);
  const levelName = level === '1' || level === '2' || level === '3' ? t(`level.${level}`) : '';
  return (
    <section
      className={`escalation-answer${escalation.escalate ? ' escalation-answer-up' : ''}`}
      aria-labelledby="escalation-answer-title"
      data-level={escalation.level}
    >
      <h3 id="escalation-answer-title" className="escalation-answer-title">
        {escalation.escalate ? t('policy.escalate', { level: escalation.level, name: levelName }) : t('policy.noEscalation')}
      </h3>
      {escalation.triggers.length > 0 && (
        <ul className="escalation-triggers">
          {escalation.triggers.map((trigger) => (
            <li key={`${trigger.level}-${trigger.reason}`} className={`escalation-trigger level-${trigger.level}`}>
              <span className="escalation-trigger-level">{t('cases.levelBadge', { level: trigger.level })}</span>
              {escalationReason(trigger.reason, t)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
