import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../../shared';
import { AlertToasts } from '../features/alerts';
import { useDesktopNotices } from '../features/alerts';
import { type CommitmentAlert, useCommitmentAlerts } from '../features/alerts';
import type { CaseTab } from '../features/cases';
import type { FocusRequest } from '../features/customer';
import { INVALID_NUMBER_ID } from '../features/lookup';
import { GlobalSearch, type SearchTarget } from '../features/search';
import { ShortcutsDialog } from '../features/shortcuts';
import { SHORTCUTS } from '../state/shortcuts';
import { useIncidentChanges } from '../state/use-incident-changes';
import { useLookup } from '../state/use-lookup';
import { useShortcut } from '../state/use-shortcut';
import { EscalationQueue } from '../features/queue';
import { MyReviews } from '../features/reviews';
import { AuditTrail } from '../features/audit';
import { PolicyAdmin } from '../features/policy';
import { isAdmin, isLead, useSession } from '../state/use-session';
import { Desk } from './Desk';
import { RouteNav } from './RouteNav';
import { LEAD_ROUTES, useRoute } from './use-route';

// The dashboard brings ECharts: loaded on the dashboard route only, so the agent's desk never downloads it.
const Dashboard = lazy(() => import('../features/dashboard').then((m) => ({ default: m.Dashboard })));
import { TopBar } from './TopBar';

export function App() {
  const { t } = useTranslation();
  const { state, lookup, open, retry } = useLookup();
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const nonce = useRef(0);
  const [helpOpen, setHelpOpen] = useState(false);
  const { route, go } = useRoute();
  const session = useSession();
  const lead = isLead(session);
  // The queue, the dashboard and the audit trail are for leads, policy for administrators; anyone else asking for them sees the desk.
  const screen = (LEAD_ROUTES.includes(route) && !lead) || (route === 'policy' && !isAdmin(session)) ? 'desk' : route;
  // While a new number is being looked up, the last customer stays put instead of flashing away.
  const shown = useRef<{ customer: CustomerSummary; phone: string } | null>(null);
  if (state.status === 'found') shown.current = { customer: state.customer, phone: state.phone };
  else if (state.status !== 'searching') shown.current = null;

  useIncidentChanges();
  useShortcut(SHORTCUTS.help.shortcut, () => setHelpOpen(true), { notWhileTyping: true });
  const alerts = useCommitmentAlerts(shown.current?.customer.id ?? null);

  /** Opens a customer by id, unless they are the one on screen already (live, so nothing to ask). */
  const openCustomer = useCallback(
    (customerId: string) => {
      if (shown.current?.customer.id !== customerId || state.status !== 'found') open(customerId);
    },
    [open, state.status],
  );

  /** Brings up a case of any customer, on the tab asked for (an alert or an approval request points at promises). */
  const openCase = useCallback(
    (customerId: string, caseId: string, tab: CaseTab) => {
      setFocus({ customerId, caseId, noteId: null, nonce: ++nonce.current, tab });
      openCustomer(customerId);
    },
    [openCustomer],
  );
  /** From the queue or the dashboard: back to the desk with the case open. */
  const openCaseOnDesk = useCallback(
    (customerId: string, caseId: string, tab: CaseTab) => {
      go('desk');
      openCase(customerId, caseId, tab);
    },
    [go, openCase],
  );
  const openAlert = useCallback((alert: CommitmentAlert) => openCaseOnDesk(alert.customerId, alert.caseId, 'promises'), [openCaseOnDesk]);
  useDesktopNotices(alerts.alerts, openAlert);

  const openTarget = useCallback(
    (target: SearchTarget) => {
      if (target.kind === 'customer') {
        setFocus(null);
        open(target.customer.id, target.customer.phones[0]?.e164);
        return;
      }
      const { customerId, caseId } = target;
      const noteId = target.kind === 'note' ? target.noteId : null;
      setFocus(caseId ? { customerId, caseId, noteId, nonce: ++nonce.current } : null);
      openCustomer(customerId);
    },
    [open, openCustomer],
  );

  return (
    <div className="app">
      <TopBar
        nav={<RouteNav route={screen} onGo={go} />}
        search={
          <GlobalSearch
            busy={state.status === 'searching'}
            invalid={state.status === 'invalid'}
            describedBy={state.status === 'invalid' ? `${INVALID_NUMBER_ID}-title` : undefined}
            onLookup={(raw) => {
              go('desk');
              setFocus(null);
              lookup(raw);
            }}
            onOpen={(target) => {
              go('desk');
              openTarget(target);
            }}
          />
        }
        onShowShortcuts={() => setHelpOpen(true)}
        onOpenCase={(customerId, caseId) => openCaseOnDesk(customerId, caseId, 'promises')}
      />
      <main id="desk" className="desk" tabIndex={-1}>
        {screen === 'queue' && (
          <EscalationQueue
            onOpenCase={(customerId, caseId, promises) => openCaseOnDesk(customerId, caseId, promises ? 'promises' : 'notes')}
          />
        )}
        {screen === 'dashboard' && (
          <Suspense fallback={<p className="muted screen-loading">{t('dashboard.loading')}</p>}>
            <Dashboard onOpenCase={(customerId, caseId) => openCaseOnDesk(customerId, caseId, 'notes')} />
          </Suspense>
        )}
        {screen === 'reviews' && <MyReviews />}
        {screen === 'audit' && <AuditTrail />}
        {screen === 'policy' && <PolicyAdmin />}
        {screen === 'desk' && (
          <Desk
            lookup={state}
            previous={shown.current}
            focus={focus}
            onRetry={retry}
            onOpen={(customer, phone) => open(customer.id, phone)}
          />
        )}
      </main>
      <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />
      <AlertToasts alerts={alerts.alerts} onDismiss={alerts.dismiss} onOpen={openAlert} />
    </div>
  );
}
