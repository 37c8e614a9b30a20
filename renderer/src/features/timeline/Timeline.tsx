import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../errors/describe-error';
import { itemKey } from '../../state/history-items';
import type { HistoryState } from '../../state/use-history';
import { TimelineEntry } from './TimelineEntry';

/** How close to the last loaded entry the next page is fetched, so scrolling rarely waits. */
const PREFETCH_ENTRIES = 8;

export function Timeline({ history, onSelectCase }: { history: HistoryState; onSelectCase(caseId: string): void }) {
  const { t } = useTranslation();
  const { items, nextCursor, loading, loadingMore, error, loadMore, refresh, addedCount } = history;
  const scroller = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 96,
    overscan: 6,
    getItemKey: (index) => {
      const item = items[index];
      return item ? itemKey(item) : index;
    },
    // React 19 warns about flushSync during render; measured heights settle on the next frame anyway.
    useFlushSync: false,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastVisible = virtualItems[virtualItems.length - 1]?.index ?? -1;

  useEffect(() => {
    if (nextCursor && !loadingMore && !error && lastVisible >= items.length - PREFETCH_ENTRIES) loadMore();
  }, [lastVisible, items.length, nextCursor, loadingMore, error, loadMore]);

  // The agent's own note lands at the top; show it even if they had scrolled back in time.
  useEffect(() => {
    if (addedCount > 0) virtualizer.scrollToOffset(0);
  }, [addedCount, virtualizer]);

  const complete = !nextCursor && !loading;
  return (
    <section className="panel timeline" aria-labelledby="timeline-title">
      <div className="panel-header">
        <h2 id="timeline-title" className="panel-title">
          {t('timeline.heading')}
        </h2>
        <span className="panel-count" aria-live="polite">
          {loading ? t('timeline.loading') : complete ? t('timeline.all', { count: items.length }) : t('timeline.loaded', { count: items.length })}
        </span>
      </div>
      <div ref={scroller} className="timeline-scroll" role="feed" aria-label={t('timeline.feedLabel')} aria-busy={loading || loadingMore} tabIndex={0}>
        <div className="timeline-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualItems.map((row) => {
            const item = items[row.index];
            if (!item) return null;
            return (
              <div key={row.key} data-index={row.index} ref={virtualizer.measureElement} className="timeline-row" style={{ transform: `translateY(${row.start}px)` }}>
                <TimelineEntry item={item} position={row.index + 1} setSize={complete ? items.length : -1} onSelectCase={onSelectCase} />
              </div>
            );
          })}
        </div>
        {error ? (
          <div className="timeline-footer timeline-error" role="alert">
            {t('timeline.failed', { reason: describeError(error, t) })}
            <button type="button" className="button button-small" onClick={items.length === 0 ? refresh : loadMore}>
              {t('timeline.retry')}
            </button>
          </div>
        ) : (
          <p className="timeline-footer">
            {loading ? t('timeline.loading') : loadingMore || nextCursor ? t('timeline.loadingMore') : items.length === 0 ? t('timeline.empty') : t('timeline.end')}
          </p>
        )}
      </div>
    </section>
  );
}
