import { useTranslation } from 'react-i18next';
import { isAdmin, isLead, useSession } from '../state/use-session';
import { hrefOf, type Route } from './use-route';

/** The frame's screens: the desk for everyone, my reviews for everyone, the queue and dashboard for leads, policy for administrators. */
export function RouteNav({ route, onGo }: { route: Route; onGo(route: Route): void }) {
  const { t } = useTranslation();
  const session = useSession();
  // The audit trail is reached from the dashboard and the case view: the bar has no room for another link.
  const routes: Exclude<Route, 'audit'>[] = isLead(session) ? ['desk', 'queue', 'dashboard', 'reviews'] : ['desk', 'reviews'];
  if (isAdmin(session)) routes.push('policy');
  return (
    <nav className="route-nav" aria-label={t('nav.label')}>
      {routes.map((r) => (
        <a
          key={r}
          href={hrefOf(r)}
          className="route-link"
          aria-current={r === route ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault();
            onGo(r);
          }}
        >
          {t(`nav.${r}`)}
        </a>
      ))}
    </nav>
  );
}
