import { z } from 'zod';
import {
  BrokenByAgentRow,
  CsatRow,
  DashboardCase,
  DashboardChart,
  DashboardRange,
  EscalationAgeRow,
  PromisesKeptRow,
  RepeatContactsRow,
  SlaRow,
} from '../../domain/supervision';
import { LEADS, procedure } from '../spec';

/** One chart: its rows; each row's `key` goes back to `dashboard.cases` to open the cases behind that bar. */
const chart = <R extends z.ZodType>(row: R) =>
  procedure({ kind: 'query', roles: LEADS, input: DashboardRange, output: z.object({ rows: z.array(row) }) });

/** The supervisors' dashboard, over a date range and optionally a team or some agents. */
export const dashboardProcedures = {
  /** Per day (Beijing): commitments kept of those settled (kept or broken; cancelled ones are neither). */
  'dashboard.promisesKept': chart(PromisesKeptRow),
  /** Broken commitments per owner, most first. */
  'dashboard.brokenByAgent': chart(BrokenByAgentRow),
  /** Per category: cases resolved in the range, and how many within the sla table's resolution hours. */
  'dashboard.slaByCategory': chart(SlaRow),
  /** Per day: inbound contacts, and those from a customer who had called in the 7 days before. */
  'dashboard.repeatContacts': chart(RepeatContactsRow),
  /** Per day: survey answers, their mean and how many were ≤ 2. */
  'dashboard.csatTrend': chart(CsatRow),
  /** Open escalations now, by level and age (the range is not used: this is the queue as it stands). */
  'dashboard.openEscalations': chart(EscalationAgeRow),
  /** The cases behind one bar of one chart, for the same filter. */
  'dashboard.cases': procedure({
    kind: 'query',
    roles: LEADS,
    input: z
      .object({
        chart: DashboardChart,
        key: z.string().min(1).max(80),
        range: DashboardRange,
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ cases: z.array(DashboardCase), more: z.boolean() }),
  }),
} as const;
