import { Dialog } from 'radix-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../errors/describe-error';
import { isLead, useSession } from '../../state/use-session';
import { DialogCloseActions, DialogShell } from '../../ui/DialogShell';
import { RetryError } from '../../ui/RetryError';
import { IncidentForm } from './IncidentForm';
import { IncidentListItem } from './IncidentListItem';
import type { IncidentsState } from './use-incidents';

/** Shown ended incidents; older ones are history nobody needs mid-call. */
const ENDED_SHOWN = 10;

/**
 * Known incidents and their approved guidance. Everyone can read them; supervisors and
 * administrators record new ones and end them (the host checks the role as well).
 */
export function IncidentsDialog({
  open,
  onOpenChange,
  state,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  state: IncidentsState;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const lead = isLead(session);
  const [recording, setRecording] = useState(false);
  const { incidents, error, reload } = state;
  const active = incidents?.filter((i) => i.active) ?? [];
  const other = incidents?.filter((i) => !i.active).slice(0, ENDED_SHOWN) ?? [];

  return (
    <DialogShell
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) setRecording(false);
      }}
      className="dialog-incidents"
    >
      <div className="dialog-head">
        <Dialog.Title className="dialog-title">{recording ? t('incident.newTitle') : t('incident.dialogTitle')}</Dialog.Title>
        {lead && !recording && (
          <button type="button" className="button button-primary button-small" onClick={() => setRecording(true)}>
            + {t('incident.record')}
          </button>
        )}
      </div>
      <Dialog.Description className="dialog-description">
        {recording ? t('incident.newDescription') : lead ? t('incident.leadDescription') : t('incident.agentDescription')}
      </Dialog.Description>
      {recording ? (
        <IncidentForm
          onDone={() => {
            setRecording(false);
            reload();
          }}
          onCancel={() => setRecording(false)}
        />
      ) : (
        <div className="incident-lists">
          {error !== null && <RetryError onRetry={reload}>{describeError(error, t)}</RetryError>}
          {incidents === null && error === null && <p className="muted">{t('incident.loading')}</p>}
          {incidents !== null && (
            <>
              <h3 className="case-section-title">{t('incident.activeHeading', { count: active.length })}</h3>
              {active.length === 0 ? (
                <p className="case-empty">{t('incident.noneActive')}</p>
              ) : (
                <ul className="incident-list">
                  {active.map((incident) => (
                    <IncidentListItem key={incident.id} incident={incident} canEnd={lead} onEnded={reload} />
                  ))}
                </ul>
              )}
              {other.length > 0 && (
                <>
                  <h3 className="case-section-title">{t('incident.otherHeading')}</h3>
                  <ul className="incident-list incident-list-ended">
                    {other.map((incident) => (
                      <IncidentListItem key={incident.id} incident={incident} canEnd={false} onEnded={reload} />
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
          <DialogCloseActions />
        </div>
      )}
    </DialogShell>
  );
}
