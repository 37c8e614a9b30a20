import { useCallback, useEffect, useState } from 'react';

/** The screens of the frame. The desk is the default; the others are for leads (`reviews` for everyone, `policy` for administrators). */
export type Route = 'desk' | 'queue' | 'dashboard' | 'reviews' | 'audit' | 'policy';

const ROUTES: readonly Route[] = ['desk', 'queue', 'dashboard', 'reviews', 'audit', 'policy'];

/** Screens only supervisors, the complaint centre and administrators may open. */
export const LEAD_ROUTES: readonly Route[] = ['queue', 'dashboard', 'audit'];

/** `#/queue` → 'queue' (`#/audit?case=…` → 'audit': what follows `?` is the screen's own); anything unknown (or no hash) is the desk. */
export function routeOf(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split('?')[0]!;
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'desk';
}

export function hrefOf(route: Route): string {
  return route === 'desk' ? '#/' : `#/${route}`;
}

/** A small in-app route switch on `location.hash`, so a screen survives a reload and Back works. */
export function useRoute(): { route: Route; go(route: Route): void } {
  const [route, setRoute] = useState<Route>(() => routeOf(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(routeOf(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = useCallback((next: Route) => {
    window.location.hash = hrefOf(next);
    setRoute(next);
  }, []);
  return { route, go };
}
