import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../../shared';
import { describeError } from '../../errors/describe-error';
import { formatDayTime } from '../../format/date-time';
import { useProcedureMutation } from '../../state/use-procedure-mutation';

/** One incident as a supervisor reviews it: what, which categories, when, the guidance, and a way to end it. */
export function IncidentListItem({ incident, canEnd, onEnded }: { incident: Incident; canEnd: boolean; onEnded(): void }) {
  const { t, i18n } = useTranslation();
  const { busy, error, send } = useProcedureMutation('incidents.update');
  const [confirming, setConfirming] = useState(false);
  const scheduled = !incident.active && Date.parse(incident.startsAt) > Date.now();

  const end = () => {
    send({ id: incident.id, endNow: true }, () => {
      setConfirming(false);
      onEnded();
    });
  };

  return (
    <li className={`incident-item${incident.active ? ' incident-item-active' : ''}`}>
      <p className="incident-item-head">
        <span className="incident-item-title">{incident.title}</span>
        <span className={`incident-state incident-state-${incident.active ? 'active' : scheduled ? 'scheduled' : 'ended'}`}>
          {t(incident.active ? 'incident.stateActive' : scheduled ? 'incident.stateScheduled' : 'incident.stateEnded')}
        </span>
      </p>
      <p className="incident-item-meta">
        {incident.endsAt
          ? t('incident.window', {
              from: formatDayTime(incident.startsAt, i18n.language),
              to: formatDayTime(incident.endsAt, i18n.language),
            })
          : t('incident.since', { from: formatDayTime(incident.startsAt, i18n.language) })}
        {' · '}
        {incident.categories.map((c) => t(`category.${c}`)).join(t('incident.listSeparator'))}
      </p>
      <p className="incident-item-description">{incident.description}</p>
      <p className="incident-guidance">
        <span className="incident-guidance-label">{t('incident.guidance')}</span>
        <span className="incident-guidance-text">{incident.guidance}</span>
      </p>
      {canEnd && incident.active && (
        <p className="incident-item-actions">
          {confirming ? (
            <>
              <span>{t('incident.endConfirm')}</span>
              <button type="button" className="button button-small button-danger" onClick={end} disabled={busy} autoFocus>
                {busy ? t('incident.ending') : t('incident.endNow')}
              </button>
              <button type="button" className="button button-small" onClick={() => setConfirming(false)} disabled={busy}>
                {t('common.cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="button button-small" onClick={() => setConfirming(true)}>
              {t('incident.end')}
            </button>
          )}
        </p>
      )}
      {error !== null && (
        <p className="form-error" role="alert">
          {describeError(error, t, { endsAt: t('incident.fieldEnds') })}
        </p>
      )}
    </li>
  );
}
