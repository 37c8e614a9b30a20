import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardRange } from '../../../../shared';
import { describeError } from '../../errors/describe-error';
import { useProcedureQuery } from '../../state/queries';
import { RetryError } from '../../ui/RetryError';
import { type AnyRow, cellOf, type ChartDef, labelOf, tableOf } from './chart-defs';
import { buildCsv, downloadCsv } from './csv';
import { EChart } from './EChart';

interface ChartCardProps {
  def: ChartDef;
  range: DashboardRange;
  /** A bar or a table row was chosen: list the cases behind it. */
  onPick(key: string, label: string): void;
}

/** One chart of the dashboard with its table view, its CSV export, and a way from each bar to its cases. */
export function ChartCard({ def, range, onPick }: ChartCardProps) {
  const { t } = useTranslation();
  const [table, setTable] = useState(false);
  const { data, error, refetch } = useProcedureQuery(`dashboard.${def.chart}`, range);
  const title = t(`dashboard.chart.${def.chart}`);
  const rows: readonly AnyRow[] = data?.rows ?? [];
  const labels = rows.map((row) => labelOf(def, row, t));
  const values = rows.map((row) => {
    const v = cellOf(row, def.value, t);
    return typeof v === 'number' ? v : null;
  });
  const grid = tableOf(def, rows, t);
  const id = `chart-${def.chart}`;

  const pick = (index: number) => {
    const row = rows[index];
    if (row) onPick(row.key, labels[index] ?? row.key);
  };

  return (
    <section className="chart-card panel" aria-labelledby={`${id}-title`} data-chart={def.chart}>
      <div className="chart-card-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <button type="button" className="button button-small" aria-pressed={table} onClick={() => setTable((v) => !v)}>
          {table ? t('dashboard.chartView') : t('dashboard.tableView')}
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={!data}
          onClick={() => downloadCsv(`${def.chart}-${range.from.slice(0, 10)}.csv`, buildCsv(grid.header, grid.rows))}
        >
          {t('dashboard.exportCsv')}
        </button>
      </div>
      {!data && !error && <p aria-busy="true">{t('dashboard.loading')}</p>}
      {error != null && (
        <RetryError onRetry={() => void refetch()}>{t('dashboard.failed', { reason: describeError(error, t) })}</RetryError>
      )}
      {data && rows.length === 0 && <p className="muted">{t('dashboard.empty')}</p>}
      {data && rows.length > 0 && !table && (
        <EChart
          labels={labels}
          values={values}
          kind={def.kind}
          name={title}
          ariaLabel={t('dashboard.chartLabel', { title })}
          onPick={pick}
        />
      )}
      {data && rows.length > 0 && table && (
        <div className="dashboard-table-wrap">
          <table className="dashboard-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {grid.header.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('dashboard.showCases')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {grid.rows.map((cells, index) => (
                <tr key={rows[index]?.key ?? index} data-key={rows[index]?.key}>
                  {cells.map((cell, i) => (
                    <td key={i}>{cell ?? '—'}</td>
                  ))}
                  <td>
                    <button type="button" className="link-button" onClick={() => pick(index)}>
                      {t('dashboard.showCases')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
