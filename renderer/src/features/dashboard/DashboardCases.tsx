import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DashboardChart, DashboardRange } from '../../../../shared';
import { describeError } from '../../errors/describe-error';
import { useClient } from '../../state/client-context';
import { procedureKey, useProcedureQuery } from '../../state/queries';
import { RetryError } from '../../ui/RetryError';

interface DashboardCasesProps {
  chart: DashboardChart;
  chartKey: string;
  label: string;
  range: DashboardRange;
  onOpenCase(customerId: string, caseId: string): void;
  onClose(): void;
}

/** The cases behind one bar (`dashboard.cases`); choosing one opens it on the desk. */
export function DashboardCases({ chart, chartKey, label, range, onOpenCase, onClose }: DashboardCasesProps) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const { data, error, refetch } = useProcedureQuery('dashboard.cases', { chart, key: chartKey, range, limit: 100 });
  const title = t('dashboard.casesTitle', { title: t(`dashboard.chart.${chart}`), label });

  // A dashboard row names the case, not its customer: the case itself says whose it is.
  const open = async (caseId: string) => {
    const view = await queryClient.fetchQuery({
      queryKey: procedureKey('cases.get', { id: caseId }),
      queryFn: () => client.call('cases.get', { id: caseId }),
    });
    onOpenCase(view.customerId, caseId);
  };

  return (
    <section className="dashboard-cases panel" aria-label={title}>
      <div className="dashboard-cases-head">
        <h2>{title}</h2>
        <button type="button" className="button button-small" onClick={onClose}>
          {t('dashboard.casesClose')}
        </button>
      </div>
      {!data && !error && <p aria-busy="true">{t('dashboard.loading')}</p>}
      {error != null && (
        <RetryError onRetry={() => void refetch()}>{t('dashboard.failed', { reason: describeError(error, t) })}</RetryError>
      )}
      {data && data.cases.length === 0 && <p className="muted">{t('dashboard.casesNone')}</p>}
      {data && data.cases.length > 0 && (
        <table className="dashboard-table">
          <thead>
            <tr>
              {(['number', 'title', 'category', 'status', 'level'] as const).map((c) => (
                <th key={c} scope="col">
                  {t(`dashboard.caseColumns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.cases.map((c) => (
              <tr key={c.id} data-case-id={c.id}>
                <td>
                  <button type="button" className="link-button" onClick={() => void open(c.id)}>
                    {c.number}
                  </button>
                </td>
                <td>{c.title}</td>
                <td>{t(`category.${c.category}`)}</td>
                <td>{t(`status.${c.status as 'open'}`, { defaultValue: c.status })}</td>
                <td>{t('cases.levelBadge', { level: c.level })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data?.more && <p className="muted">{t('dashboard.casesMore', { count: data.cases.length })}</p>}
    </section>
  );
}
