import type { dashboardProcedures } from '../../../shared';
import type { Implementations } from '../procedure-kit';
import { brokenByAgent, caseIdsBehind, csatTrend, openEscalations, promisesKept, repeatContacts, slaByCategory, toFilter } from './queries';

const none = { rows: [] };

/** The supervisors' dashboard: one read per chart, and the cases behind any bar. */
export const procedures: Implementations<keyof typeof dashboardProcedures> = {
  'dashboard.promisesKept': async (deps, input) => {
    const f = toFilter(input);
    return f.agents === 'none' ? none : { rows: await promisesKept(deps.db, f) };
  },
  'dashboard.brokenByAgent': async (deps, input) => {
    const f = toFilter(input);
    return f.agents === 'none' ? none : { rows: await brokenByAgent(deps.db, f) };
  },
  'dashboard.slaByCategory': async (deps, input) => {
    const f = toFilter(input);
    return f.agents === 'none' ? none : { rows: await slaByCategory(deps.db, deps.policy, f) };
  },
  'dashboard.repeatContacts': async (deps, input) => {
    const f = toFilter(input);
    return f.agents === 'none' ? none : { rows: await repeatContacts(deps.db, f) };
  },
  'dashboard.csatTrend': async (deps, input) => {
    const f = toFilter(input);
    return f.agents === 'none' ? none : { rows: await csatTrend(deps.db, f) };
  },
  'dashboard.openEscalations': async (deps, input) => {
    const f = toFilter(input);
    return f.agents === 'none' ? none : { rows: await openEscalations(deps.db, f, deps.now()) };
  },
  'dashboard.cases': async (deps, input) => {
    const f = toFilter(input.range);
    if (f.agents === 'none') return { cases: [], more: false };
    const ids = await caseIdsBehind(deps.db, deps.policy, input.chart, input.key, f, deps.now(), input.limit);
    const more = ids.length > input.limit;
    const wanted = ids.slice(0, input.limit);
    const rows = wanted.length
      ? await deps.db
          .selectFrom('cases')
          .select(['id', 'number', 'title', 'category', 'status', 'level'])
          .where('id', 'in', wanted)
          .execute()
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return {
      cases: wanted.flatMap((id) => {
        const r = byId.get(id);
        return r ? [{ id: r.id, number: r.number, title: r.title, category: r.category as never, status: r.status, level: r.level }] : [];
      }),
      more,
    };
  },
};
