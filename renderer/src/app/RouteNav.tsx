import { useTranslation } from 'react-i18next';
import { isLead, useSession } from '../state/use-session';
import { hrefOf, type Route } from './use-route';

/** The frame's screens: the desk for everyone, my reviews for everyone, the queue, dashboard and audit trail for leads. */
export function RouteNav({ route, onGo }: { route: Route; onGo(route: Route): void }) {
  const { t } = useTranslation();
  const session = useSession();
  const routes: Route[] = isLead(session) ? ['desk', 'queue', 'dashboard', 'reviews', 'audit'] : ['desk', 'reviews'];
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
          {r === 'audit' ? t('audit.nav') : t(`nav.${r}`)}
        </a>
      ))}
    </nav>
  );
}
