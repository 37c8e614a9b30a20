import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardChart } from '../../../../shared';
import { Field } from '../../ui/Field';
import { SyncConflicts } from '../conflicts';
import { AuditLink } from '../audit';
import { CHARTS, lastDays, rangeOf } from './chart-defs';
import { ChartCard } from './ChartCard';
import { DashboardCases } from './DashboardCases';

interface DashboardProps {
  onOpenCase(customerId: string, caseId: string): void;
}

/** The supervisors' dashboard (`#/dashboard`): six charts over a date range, each with a table, CSV and its cases. */
export function Dashboard({ onOpenCase }: DashboardProps) {
  const { t } = useTranslation();
  const initial = useMemo(() => lastDays(new Date()), []);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [picked, setPicked] = useState<{ chart: DashboardChart; key: string; label: string } | null>(null);
  const range = useMemo(() => rangeOf(from, to), [from, to]);

  return (
    <div className="dashboard">
      <div className="dashboard-head">
        <h1>{t('dashboard.title')}</h1>
        <p className="muted">
          {t('dashboard.description')} <AuditLink />
        </p>
        <div className="dashboard-range">
          <Field label={t('dashboard.from')} invalid={!range}>
            {(props) => <input {...props} type="date" className="input" value={from} onChange={(e) => setFrom(e.target.value)} />}
          </Field>
          <Field label={t('dashboard.to')} invalid={!range}>
            {(props) => <input {...props} type="date" className="input" value={to} onChange={(e) => setTo(e.target.value)} />}
          </Field>
        </div>
        {!range && (
          <p className="form-error" role="alert">
            {t('dashboard.rangeError')}
          </p>
        )}
      </div>
      {range && picked && (
        <DashboardCases
          key={`${picked.chart}:${picked.key}`}
          chart={picked.chart}
          chartKey={picked.key}
          label={picked.label}
          range={range}
          onOpenCase={onOpenCase}
          onClose={() => setPicked(null)}
        />
      )}
      {range && (
        <div className="dashboard-grid">
          {CHARTS.map((def) => (
            <ChartCard key={def.chart} def={def} range={range} onPick={(key, label) => setPicked({ chart: def.chart, key, label })} />
          ))}
        </div>
      )}
      <SyncConflicts />
    </div>
  );
}
