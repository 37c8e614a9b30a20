import type { TFunction } from 'i18next';
import type { DashboardChart, ProcedureOutput } from '../../../../shared';

type RowOf<C extends DashboardChart> = ProcedureOutput<`dashboard.${C}`>['rows'][number];
export type AnyRow = RowOf<DashboardChart>;

export type ColumnKey =
  | 'day'
  | 'kept'
  | 'settled'
  | 'pct'
  | 'agent'
  | 'broken'
  | 'category'
  | 'resolved'
  | 'withinSla'
  | 'inbound'
  | 'repeats'
  | 'answers'
  | 'mean'
  | 'low'
  | 'level'
  | 'age'
  | 'open';

export interface ChartDef {
  chart: DashboardChart;
  /** The columns of the table view and of the CSV, in order; the first is the row's label. */
  columns: readonly ColumnKey[];
  /** The value the chart draws for a row. */
  value: ColumnKey;
  kind: 'bar' | 'line';
  /** Percentages and means keep one decimal; counts are whole. */
  unit: 'pct' | 'count' | 'score';
}

export const CHARTS: readonly ChartDef[] = [
  { chart: 'promisesKept', columns: ['day', 'kept', 'settled', 'pct'], value: 'pct', kind: 'bar', unit: 'pct' },
  { chart: 'brokenByAgent', columns: ['agent', 'broken'], value: 'broken', kind: 'bar', unit: 'count' },
  { chart: 'slaByCategory', columns: ['category', 'resolved', 'withinSla', 'pct'], value: 'pct', kind: 'bar', unit: 'pct' },
  { chart: 'repeatContacts', columns: ['day', 'inbound', 'repeats', 'pct'], value: 'pct', kind: 'bar', unit: 'pct' },
  { chart: 'csatTrend', columns: ['day', 'answers', 'mean', 'low'], value: 'mean', kind: 'line', unit: 'score' },
  { chart: 'openEscalations', columns: ['level', 'age', 'open'], value: 'open', kind: 'bar', unit: 'count' },
];

/** The raw value of one column of a row (numbers as numbers, words translated). */
export function cellOf(row: AnyRow, column: ColumnKey, t: TFunction): string | number | null {
  const r = row as Record<string, unknown>;
  switch (column) {
    case 'agent': {
      const agent = r.agent as { name: string; employeeNo: string };
      return t('topbar.agent', { name: agent.name, employeeNo: agent.employeeNo });
    }
    case 'category':
      return t(`category.${r.category as 'billing'}`, { defaultValue: String(r.category) });
    case 'level':
      return t('cases.levelBadge', { level: r.level as number });
    case 'age':
      return t(`dashboard.age.${r.age as 'lt1d'}`, { defaultValue: String(r.age) });
    case 'pct':
    case 'mean': {
      const v = r[column];
      return typeof v === 'number' ? Math.round(v * 10) / 10 : null;
    }
    default: {
      const v = r[column];
      return typeof v === 'number' || typeof v === 'string' ? v : null;
    }
  }
}

/** A row's label on the chart's axis: its first column, and for escalations level and age together. */
export function labelOf(def: ChartDef, row: AnyRow, t: TFunction): string {
  if (def.chart === 'openEscalations') return `${cellOf(row, 'level', t)} · ${cellOf(row, 'age', t)}`;
  const first = def.columns[0];
  return first ? String(cellOf(row, first, t) ?? '') : '';
}

/** The table's (and the CSV's) header and rows, in the interface language. */
export function tableOf(def: ChartDef, rows: readonly AnyRow[], t: TFunction) {
  return {
    header: def.columns.map((c) => t(`dashboard.column.${c}`)),
    rows: rows.map((row) => def.columns.map((c) => cellOf(row, c, t))),
  };
}

/** `2026-11-01` for a Date, in local time: what an `<input type="date">` holds. */
export function dateInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The default range: the last 30 days, today included. */
export function lastDays(today: Date, days = 30): { from: string; to: string } {
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1));
  return { from: dateInputValue(from), to: dateInputValue(today) };
}

/** Two dates of date inputs (both included) → the host's range (`to` exclusive: the next midnight), or null if unusable. */
export function rangeOf(from: string, to: string): { from: string; to: string } | null {
  const start = /^\d{4}-\d{2}-\d{2}$/.test(from) ? new Date(`${from}T00:00:00`) : null;
  const end = /^\d{4}-\d{2}-\d{2}$/.test(to) ? new Date(`${to}T00:00:00`) : null;
  if (!start || !end || Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return null;
  end.setDate(end.getDate() + 1);
  if (end <= start || end.getTime() - start.getTime() > 366 * 86_400_000) return null;
  return { from: start.toISOString(), to: end.toISOString() };
}
