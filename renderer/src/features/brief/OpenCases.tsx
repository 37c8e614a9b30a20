import { useTranslation } from 'react-i18next';
import type { BriefCase } from '../../../../shared';
import { caseAge } from '../../format/age';
import { RepeatFlag } from './RepeatFlag';

/** What is open, how long it has been open, and how often the customer has called about it. */
export function OpenCases({ cases, onOpenCase }: { cases: readonly BriefCase[]; onOpenCase(caseId: string): void }) {
  const { t } = useTranslation();
  return (
    <section className="brief-section brief-cases" aria-labelledby="brief-cases-title">
      <h3 id="brief-cases-title" className="brief-heading">
        {t('brief.openCases')} <span className="brief-count">{cases.length}</span>
      </h3>
      {cases.length === 0 ? (
        <p className="brief-empty">{t('brief.noOpenCases')}</p>
      ) : (
        <ul className="brief-case-list">
          {cases.map((c) => {
            const age = caseAge(c.ageHours);
            return (
              <li key={c.id} className={`brief-case brief-case-${c.repeat}`} data-case-number={c.number}>
                <button type="button" className="brief-case-button" onClick={() => onOpenCase(c.id)} title={t('brief.openCaseHint')}>
                  <span className="brief-case-top">
                    <span className="case-number">{c.number}</span>
                    <span className={`status status-${c.status}`}>{t(`status.${c.status}`)}</span>
                    {(c.priority === 'high' || c.priority === 'urgent') && (
                      <span className={`priority priority-${c.priority}`}>{t(`priority.${c.priority}`)}</span>
                    )}
                    {/* L1 is where every case starts; only a raised level needs its name spelled out. */}
                    <span className={`level level-${c.level}`} title={t(`level.${c.level}`)}>
                      {t('cases.levelBadge', { level: c.level })}
                      {c.level > 1 && ` ${t(`level.${c.level}`)}`}
                    </span>
                    <span className="brief-case-age">
                      {t(age.unit === 'hours' ? 'brief.ageHours' : 'brief.ageDays', { count: age.count })}
                    </span>
                    {c.incidentIds.length > 0 && <span className="brief-case-incident">⚠ {t('brief.incidentTag')}</span>}
                    <RepeatFlag level={c.repeat} count={c.contacts7d} />
                  </span>
                  <span className="brief-case-title">
                    {c.title}
                    <span className="brief-case-category">{t(`category.${c.category}`)}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
