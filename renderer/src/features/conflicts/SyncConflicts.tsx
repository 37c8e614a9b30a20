import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../../../shared';
import { describeError } from '../../errors/describe-error';
import { formatDateTime } from '../../format/date-time';
import { useProcedureQuery } from '../../state/queries';
import { RetryError } from '../../ui/RetryError';

const FIELDS = ['title', 'category', 'priority', 'status', 'name', 'tier', 'policy_version'] as const;
const ENTITIES = ['case', 'customer', 'commitment', 'escalation'] as const;

/** A value as the server stored it (JSON): text as it is, anything else as JSON. */
function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The supervisors' list of open sync conflicts (`conflicts.list`): what the server kept apart from desks' pushes. */
export function SyncConflicts() {
  const { t, i18n } = useTranslation();
  const { data, error, refetch } = useProcedureQuery('conflicts.list', { status: 'open', limit: 50 }, { staleTime: 0 });
  const field = (c: SyncConflict) =>
    (FIELDS as readonly string[]).includes(c.field) ? t(`syncConflicts.field.${c.field as (typeof FIELDS)[number]}`) : c.field;
  const entity = (c: SyncConflict) =>
    (ENTITIES as readonly string[]).includes(c.entity) ? t(`syncConflicts.entity.${c.entity as (typeof ENTITIES)[number]}`) : c.entity;
  return (
    <section className="sync-conflicts panel" aria-labelledby="sync-conflicts-title">
      <h2 id="sync-conflicts-title">{t('syncConflicts.title')}</h2>
      <p className="muted">{t('syncConflicts.description')}</p>
      {!data && !error && <p aria-busy="true">{t('syncConflicts.loading')}</p>}
      {error != null && (
        <RetryError onRetry={() => void refetch()}>{t('syncConflicts.failed', { reason: describeError(error, t) })}</RetryError>
      )}
      {data && data.length === 0 && <p className="muted">{t('syncConflicts.none')}</p>}
      {data && data.length > 0 && (
        <table className="sync-conflicts-table">
          <thead>
            <tr>
              <th scope="col">{t('syncConflicts.columns.when')}</th>
              <th scope="col">{t('syncConflicts.columns.what')}</th>
              <th scope="col">{t('syncConflicts.columns.values')}</th>
              <th scope="col">{t('syncConflicts.columns.who')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((c) => (
              <tr key={c.id} data-conflict-id={c.id}>
                <td>{formatDateTime(c.at, i18n.language)}</td>
                <td>
                  <strong>{t(`syncConflicts.kind.${c.kind}`)}</strong>
                  <br />
                  {entity(c)} · {field(c)}
                  {c.baseVersion !== null && <> · {t('syncConflicts.baseVersion', { version: c.baseVersion })}</>}
                </td>
                <td>
                  {t('syncConflicts.theirs')}: <code>{shown(c.theirs)}</code>
                  <br />
                  {t('syncConflicts.ours')}: <code>{shown(c.ours)}</code>
                </td>
                <td>
                  {t('syncConflicts.by', { name: c.actor.name, employeeNo: c.actor.employeeNo })}
                  <br />
                  <span className="muted">{t('syncConflicts.desk', { clientId: c.clientId })}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
