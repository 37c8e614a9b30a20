import { useTranslation } from 'react-i18next';
import { describeError } from '../../errors/describe-error';
import { shortVersion } from '../../format/bundle-version';
import { formatDateTime } from '../../format/date-time';
import { useProcedureQuery } from '../../state/queries';
import { RetryError } from '../../ui/RetryError';

/** Every published bundle, newest first (`policy.versions`); the one in force is marked. */
export function VersionHistory({ activeId }: { activeId: string | null }) {
  const { t, i18n } = useTranslation();
  const { data, error, refetch } = useProcedureQuery('policy.versions', { limit: 50 }, { staleTime: 0 });
  return (
    <section className="policy-history" aria-labelledby="policy-history-title">
      <h2 id="policy-history-title">{t('policyAdmin.history')}</h2>
      {error != null && <RetryError onRetry={() => void refetch()}>{describeError(error, t)}</RetryError>}
      {data && data.length === 0 && <p className="muted">{t('policyAdmin.historyNone')}</p>}
      {data && data.length > 0 && (
        <ol className="policy-history-list">
          {data.map((v) => (
            <li key={v.id} data-version={v.version}>
              <span title={v.version}>
                {t('policyAdmin.historyItem', {
                  time: formatDateTime(v.publishedAt, i18n.language),
                  name: v.publishedBy.name,
                  employeeNo: v.publishedBy.employeeNo,
                  version: shortVersion(v.version),
                })}
              </span>
              {v.id === activeId && <strong className="policy-active"> · {t('policyAdmin.active')}</strong>}
              <p className="policy-history-note">{v.note}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
