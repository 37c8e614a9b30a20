import { useTranslation } from 'react-i18next';
import type { CaseRef, Incident } from '../../../../shared';
import { formatDayTime } from '../../format/date-time';

interface IncidentBannerProps {
  incident: Incident;
  /** The customer's open cases it touches, named so the agent knows which conversation it belongs to. */
  cases?: readonly Pick<CaseRef, 'id' | 'number'>[];
  /** The case view has room for what is broken; the brief keeps to what to say. */
  withDescription?: boolean;
}

/**
 * A known problem on our side and the approved words for it. The guidance is printed in full:
 * it is what stops an agent from improvising "try again at 9 pm" during a days-long outage.
 */
export function IncidentBanner({ incident, cases = [], withDescription = false }: IncidentBannerProps) {
  const { t, i18n } = useTranslation();
  const titleId = `incident-${incident.id}-title`;
  return (
    <section className="incident-banner" aria-labelledby={titleId} data-incident-id={incident.id}>
      <p className="incident-head">
        <span className="incident-label" aria-hidden="true">
          ⚠
        </span>
        <span id={titleId} className="incident-title">
          <span className="incident-kind">{t('incident.known')}</span>
          {incident.title}
        </span>
        <span className="incident-meta">
          {cases.length > 0 && (
            <span className="incident-cases">
              {t('incident.affects')}{' '}
              {cases.map((c) => (
                <span key={c.id} className="case-number">
                  {c.number}
                </span>
              ))}
            </span>
          )}
          <span className="incident-since">
            {incident.endsAt
              ? t('incident.window', {
                  from: formatDayTime(incident.startsAt, i18n.language),
                  to: formatDayTime(incident.endsAt, i18n.language),
                })
              : t('incident.since', { from: formatDayTime(incident.startsAt, i18n.language) })}
          </span>
        </span>
      </p>
      {withDescription && <p className="incident-description">{incident.description}</p>}
      <p className="incident-guidance">
        <span className="incident-guidance-label">{t('incident.guidance')}</span>
        <span className="incident-guidance-text">{incident.guidance}</span>
      </p>
    </section>
  );
}
