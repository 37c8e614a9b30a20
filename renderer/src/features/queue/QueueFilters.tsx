import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AgentRef } from '../../../../shared';
import { escalationReason } from '../promises';
import { type QueueFilter, UNOWNED } from './queue-order';

interface QueueFiltersProps {
  filter: QueueFilter;
  choices: { levels: number[]; reasons: string[]; teams: string[]; raisers: AgentRef[]; owners: AgentRef[]; unowned: boolean };
  onChange(filter: QueueFilter): void;
}

function Select({
  label,
  value,
  options,
  onChange,
  t,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
  t: TFunction;
}) {
  return (
    <label className="queue-filter">
      <span>{label}</span>
      <select className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('queue.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Level, team, reason, who raised it and who owns it: each a choice among what the queue holds, "all" by default. */
export function QueueFilters({ filter, choices, onChange }: QueueFiltersProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="queue-filters">
      <legend className="visually-hidden">{t('queue.filters')}</legend>
      <Select
        t={t}
        label={t('queue.level')}
        value={filter.level === null ? '' : String(filter.level)}
        options={choices.levels.map((l) => ({ value: String(l), label: t('queue.levelOption', { level: l }) }))}
        onChange={(v) => onChange({ ...filter, level: v === '' ? null : Number(v) })}
      />
      <Select
        t={t}
        label={t('queue.reason')}
        value={filter.reason ?? ''}
        options={choices.reasons.map((r) => ({ value: r, label: escalationReason(r, t) }))}
        onChange={(v) => onChange({ ...filter, reason: v === '' ? null : v })}
      />
      <Select
        t={t}
        label={t('queue.raisedBy')}
        value={filter.raisedBy ?? ''}
        options={choices.raisers.map((a) => ({ value: a.id, label: t('topbar.agent', { name: a.name, employeeNo: a.employeeNo }) }))}
        onChange={(v) => onChange({ ...filter, raisedBy: v === '' ? null : v })}
      />
      <Select
        t={t}
        label={t('escalationFlow.team')}
        value={filter.team ?? ''}
        options={choices.teams.map((team) => ({ value: team, label: team }))}
        onChange={(v) => onChange({ ...filter, team: v === '' ? null : v })}
      />
      <Select
        t={t}
        label={t('escalationFlow.ownerFilter')}
        value={filter.owner ?? ''}
        options={[
          ...(choices.unowned ? [{ value: UNOWNED, label: t('escalationFlow.nobody') }] : []),
          ...choices.owners.map((a) => ({ value: a.id, label: t('topbar.agent', { name: a.name, employeeNo: a.employeeNo }) })),
        ]}
        onChange={(v) => onChange({ ...filter, owner: v === '' ? null : v })}
      />
    </fieldset>
  );
}
