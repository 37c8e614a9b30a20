import { useTranslation } from 'react-i18next';
import { describeError } from '../../errors/describe-error';
import { formatDateTime } from '../../format/date-time';
import { useProcedureQuery } from '../../state/queries';
import { RetryError } from '../../ui/RetryError';
import { actionWords, entityWords } from './audit-words';

/** `audit.verify` in words: intact with the number checked, or the first broken link with its position, write and time. */
export function AuditChainStatus() {
  const { t, i18n } = useTranslation();
  const { data, error, refetch, isFetching } = useProcedureQuery('audit.verify', {}, { staleTime: 0 });
  return (
    <section className="audit-chain panel" aria-labelledby="audit-chain-title" aria-busy={isFetching}>
      <h2 id="audit-chain-title" className="audit-section-title">
        {t('audit.chain.title')}
      </h2>
      {!data && !error && <p className="muted">{t('audit.chain.checking')}</p>}
      {error != null && (
        <RetryError onRetry={() => void refetch()}>{t('audit.chain.failed', { reason: describeError(error, t) })}</RetryError>
      )}
      {data?.ok && (
        <p className="audit-chain-intact" data-chain="intact">
          {t('audit.chain.intact', { checked: data.checked })}
        </p>
      )}
      {data && !data.ok && data.firstBad && (
        <div className="audit-chain-broken" role="alert" data-chain="broken" data-first-bad={data.firstBad.seq}>
          <p>{t('audit.chain.broken', { seq: data.firstBad.seq, reason: t(`audit.chain.reason.${data.firstBad.reason}`) })}</p>
          {data.firstBad.row && (
            <p>
              {t('audit.chain.brokenRow', {
                action: actionWords(data.firstBad.row.action, t),
                entity: entityWords(data.firstBad.row.entity, t),
                id: data.firstBad.row.entityId,
                at: Number.isNaN(Date.parse(data.firstBad.row.at))
                  ? data.firstBad.row.at
                  : formatDateTime(data.firstBad.row.at, i18n.language),
                mutationId: data.firstBad.row.mutationId,
              })}
            </p>
          )}
        </div>
      )}
      {(data || error != null) && (
        <button type="button" className="button button-small" onClick={() => void refetch()} disabled={isFetching}>
          {t('audit.chain.recheck')}
        </button>
      )}
    </section>
  );
}
