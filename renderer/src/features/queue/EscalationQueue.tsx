import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../errors/describe-error';
import { RetryError } from '../../ui/RetryError';
import { QueueDetail } from './QueueDetail';
import { QueueFilters } from './QueueFilters';
import { QueueRow } from './QueueRow';
import { byBreachRisk, filterChoices, matchesFilter, NO_FILTER, type QueueFilter } from './queue-order';
import { useQueue } from './use-queue';

interface EscalationQueueProps {
  /** Opens a case on the desk (the route switches to it). */
  onOpenCase(customerId: string, caseId: string, promises: boolean): void;
}

/**
 * The supervisors' escalation queue as a screen of its own: every escalation waiting on someone, most at risk of
 * breach first, filterable, live. Opening a row shows the customer's brief and the decision.
 */
export function EscalationQueue({ onOpenCase }: EscalationQueueProps) {
  const { t } = useTranslation();
  const { escalations, error, reload } = useQueue();
  const [filter, setFilter] = useState<QueueFilter>(NO_FILTER);
  const [openId, setOpenId] = useState<string | null>(null);
  // The desk's own clock, moved each minute so ages and time left stay true: the queue has no host
  // timestamp to count from, and a minute or two of skew does not change the order that matters.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const all = escalations ?? [];
  const choices = useMemo(() => filterChoices(escalations ?? []), [escalations]);
  const shown = byBreachRisk(
    all.filter((e) => matchesFilter(e, filter)),
    now,
  );
  const opened = all.find((e) => e.id === openId) ?? null;

  return (
    <div className="queue-screen">
      <section className="queue panel" aria-labelledby="queue-title">
        <div className="queue-head">
          <h1 id="queue-title">{t('queue.title')}</h1>
          <p className="muted">{t('queue.description')}</p>
          {escalations && <span className="queue-count">{t('queue.count', { count: shown.length })}</span>}
        </div>
        <QueueFilters filter={filter} choices={choices} onChange={setFilter} />
        {!escalations && !error && <p aria-busy="true">{t('queue.loading')}</p>}
        {error !== null && <RetryError onRetry={reload}>{t('queue.failed', { reason: describeError(error, t) })}</RetryError>}
        {escalations && shown.length === 0 && <p className="muted">{t(all.length === 0 ? 'queue.none' : 'queue.noneFiltered')}</p>}
        {shown.length > 0 && (
          <div className="queue-table-wrap">
            <table className="queue-table">
              <caption className="visually-hidden">{t('queue.description')}</caption>
              <thead>
                <tr>
                  {(['case', 'customer', 'level'] as const).map((c) => (
                    <th key={c} scope="col">
                      {t(`queue.columns.${c}`)}
                    </th>
                  ))}
                  {(['status', 'owner'] as const).map((c) => (
                    <th key={c} scope="col">
                      {t(`escalationFlow.columns.${c}`)}
                    </th>
                  ))}
                  {(['reason', 'asks', 'raisedBy', 'age', 'left', 'supplied'] as const).map((c) => (
                    <th key={c} scope="col">
                      {t(`queue.columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((e) => (
                  <QueueRow key={e.id} escalation={e} now={now} selected={e.id === openId} onOpen={() => setOpenId(e.id)} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {opened && (
        <QueueDetail
          key={opened.id}
          escalation={opened}
          onOpenOnDesk={(caseId, promises) => onOpenCase(opened.customerId, caseId, promises)}
          now={now}
          onDecided={() => {
            setOpenId(null);
            reload();
          }}
          onChanged={reload}
          onClose={() => setOpenId(null)}
        />
      )}
    </div>
  );
}
