import { useCallback, useRef, useState } from 'react';
import type { CustomerSummary } from '../../../shared';
import { AlertToasts } from '../features/alerts/AlertToasts';
import { useDesktopNotices } from '../features/alerts/desktop-notices';
import { type CommitmentAlert, useCommitmentAlerts } from '../features/alerts/use-commitment-alerts';
import type { CaseTab } from '../features/cases/CaseViewDialog';
import type { FocusRequest } from '../features/customer/CustomerWorkspace';
import { INVALID_NUMBER_ID } from '../features/lookup/InvalidNumber';
import { GlobalSearch, type SearchTarget } from '../features/search/GlobalSearch';
import { ShortcutsDialog } from '../features/shortcuts/ShortcutsDialog';
import { SHORTCUTS } from '../state/shortcuts';
import { useLookup } from '../state/use-lookup';
import { useShortcut } from '../state/use-shortcut';
import { Desk } from './Desk';
import { TopBar } from './TopBar';

export function App() {
  const { state, lookup, open, openById } = useLookup();
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const nonce = useRef(0);
  const [helpOpen, setHelpOpen] = useState(false);
  // While a new number is being looked up, the last customer stays put instead of flashing away.
  const shown = useRef<{ customer: CustomerSummary; phone: string } | null>(null);
  if (state.status === 'found') shown.current = { customer: state.customer, phone: state.phone };
  else if (state.status !== 'searching') shown.current = null;

  useShortcut(SHORTCUTS.help.shortcut, () => setHelpOpen(true), { notWhileTyping: true });
  const alerts = useCommitmentAlerts(shown.current?.customer.id ?? null);

  /** Brings up a case of any customer, on the tab asked for (an alert or an approval request points at promises). */
  const openCase = useCallback(
    (customerId: string, caseId: string, tab: CaseTab) => {
      void openById(customerId).then((customer) => {
        if (customer) setFocus({ customerId, caseId, noteId: null, nonce: ++nonce.current, tab });
      });
    },
    [openById],
  );
  const openAlert = useCallback((alert: CommitmentAlert) => openCase(alert.customerId, alert.caseId, 'promises'), [openCase]);
  useDesktopNotices(alerts.alerts, openAlert);

  const openTarget = useCallback(
    (target: SearchTarget) => {
      if (target.kind === 'customer') {
        setFocus(null);
        open(target.customer, target.customer.phones[0]?.e164 ?? '');
        return;
      }
      const { customerId, caseId } = target;
      const noteId = target.kind === 'note' ? target.noteId : null;
      void openById(customerId).then((customer) => {
        if (customer && caseId) setFocus({ customerId, caseId, noteId, nonce: ++nonce.current });
      });
    },
    [open, openById],
  );

  const retry = useCallback(
    (raw: string, customerId?: string) => {
      if (customerId) void openById(customerId);
      else lookup(raw);
    },
    [lookup, openById],
  );

  return (
    <div className="app">
      <TopBar
        search={
          <GlobalSearch
            busy={state.status === 'searching'}
            invalid={state.status === 'invalid'}
            describedBy={state.status === 'invalid' ? `${INVALID_NUMBER_ID}-title` : undefined}
            onLookup={(raw) => {
              setFocus(null);
              lookup(raw);
            }}
            onOpen={openTarget}
          />
        }
        onShowShortcuts={() => setHelpOpen(true)}
        onOpenCase={(customerId, caseId) => openCase(customerId, caseId, 'promises')}
      />
      <main id="desk" className="desk" tabIndex={-1}>
        <Desk lookup={state} previous={shown.current} focus={focus} onRetry={retry} onOpen={open} />
      </main>
      <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />
      <AlertToasts alerts={alerts.alerts} onDismiss={alerts.dismiss} onOpen={openAlert} />
    </div>
  );
}
