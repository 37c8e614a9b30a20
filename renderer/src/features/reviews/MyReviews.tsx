import { useTranslation } from 'react-i18next';
import { describeError } from '../../errors/describe-error';
import { formatDateTime } from '../../format/date-time';
import { useProcedureQuery } from '../../state/queries';
import { RetryError } from '../../ui/RetryError';

/** An agent's own QA reviews (`reviews.mine`), newest first: the scorecard with each comment. */
export function MyReviews() {
  const { t, i18n } = useTranslation();
  const { data, error, refetch } = useProcedureQuery('reviews.mine', { limit: 50 }, { staleTime: 0 });
  return (
    <section className="my-reviews panel" aria-labelledby="my-reviews-title">
      <h1 id="my-reviews-title">{t('review.mine')}</h1>
      <p className="muted">{t('review.mineDescription')}</p>
      {!data && !error && <p aria-busy="true">{t('review.mineLoading')}</p>}
      {error != null && (
        <RetryError onRetry={() => void refetch()}>{t('review.mineFailed', { reason: describeError(error, t) })}</RetryError>
      )}
      {data && data.length === 0 && <p className="muted">{t('review.mineNone')}</p>}
      {data && data.length > 0 && (
        <ul className="my-reviews-list">
          {data.map((r) => (
            <li key={r.id} className="my-review" data-review-id={r.id}>
              <div className="my-review-head">
                <strong>{t('review.average', { score: r.score.toFixed(1) })}</strong>
                <span>
                  {t('review.contactAt')} {formatDateTime(r.contactStartedAt, i18n.language)}
                </span>
                <span>{t('review.by', { name: r.reviewer.name, employeeNo: r.reviewer.employeeNo })}</span>
              </div>
              <dl className="my-review-items">
                {r.items.map((item) => (
                  <div key={item.item}>
                    <dt>{t(`review.item.${item.item as 'courtesy'}`)}</dt>
                    <dd>
                      {item.score} {item.comment && `· ${item.comment}`}
                    </dd>
                  </div>
                ))}
              </dl>
              {r.comment && <p className="my-review-comment">{r.comment}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
