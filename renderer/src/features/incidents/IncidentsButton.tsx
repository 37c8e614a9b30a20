import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../../state/shortcuts';
import { useShortcut } from '../../state/use-shortcut';
import { IncidentsDialog } from './IncidentsDialog';
import { useIncidents } from './use-incidents';

/** The known incidents, from anywhere on the desk; the count of those in progress shows at a glance. */
export function IncidentsButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const state = useIncidents();
  const active = state.incidents?.filter((i) => i.active).length ?? 0;
  useShortcut(SHORTCUTS.incidents.shortcut, () => setOpen(true));
  return (
    <>
      <button
        type="button"
        className={`button button-small incidents-button${active > 0 ? ' incidents-button-active' : ''}`}
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Alt+I"
        // The name begins with the visible text ("已知故障 1"), which speech input users say to press it.
        aria-label={t('incident.buttonLabel', { count: active })}
      >
        {t('incident.button')} {active > 0 && <span className="incidents-count">{active}</span>}
      </button>
      <IncidentsDialog open={open} onOpenChange={setOpen} state={state} />
    </>
  );
}
