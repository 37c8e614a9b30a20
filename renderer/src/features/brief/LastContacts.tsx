import { useTranslation } from 'react-i18next';
import type { BriefContact } from '../../../../shared';
import { formatDayTime, formatDaysAgo } from '../../format/date-time';

/** The last three contacts: when, through which channel, who took them (with employee number), and the gist. */
export function LastContacts({ contacts, week }: { contacts: readonly BriefContact[]; week: number }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="brief-section brief-contacts" aria-labelledby="brief-contacts-title">
      <h3 id="brief-contacts-title" className="brief-heading">
        {t('brief.lastContacts')}
        <span className={`brief-week${week >= 3 ? ' brief-week-high' : ''}`}>{t('brief.week', { count: week })}</span>
      </h3>
      {contacts.length === 0 ? (
        <p className="brief-empty">{t('brief.noContacts')}</p>
      ) : (
        <ol className="brief-contact-list">
          {contacts.map((c) => (
            <li key={c.id} className="brief-contact">
              <p className="brief-contact-head">
                <time dateTime={c.at} className="brief-contact-when">
                  {formatDayTime(c.at, i18n.language)}
                </time>
                <span className="brief-contact-ago">{formatDaysAgo(c.at, i18n.language)}</span>
                <span className="brief-contact-channel">{t(`channel.${c.channel}`)}</span>
                <span className="brief-contact-agent" data-employee-no={c.agent.employeeNo}>
                  {t('timeline.agent', { name: c.agent.name, employeeNo: c.agent.employeeNo })}
                </span>
                {c.cases.length > 0 && (
                  <span className="brief-contact-cases">
                    {c.cases.map((ref) => (
                      <span key={ref.id} className="case-number" title={ref.title}>
                        {ref.number}
                      </span>
                    ))}
                  </span>
                )}
              </p>
              <p className={`brief-contact-gist${c.gist ? '' : ' muted'}`} title={c.gist || undefined}>
                {c.gist || t('timeline.noNote')}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
