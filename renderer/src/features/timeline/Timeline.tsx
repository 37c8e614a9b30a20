import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../errors/describe-error';
import { itemKey } from '../../state/history-items';
import { SHORTCUTS } from '../../state/shortcuts';
import type { HistoryState } from '../../state/use-history';
import { useShortcut } from '../../state/use-shortcut';
import { Kbd } from '../../ui/Kbd';
import { useDeskActions } from '../../state/desk-actions';
import { entryCase, entryNote } from './entry-targets';
import { TimelineEntry } from './TimelineEntry';

/** How close to the last loaded entry the next page is fetched, so scrolling rarely waits. */
const PREFETCH_ENTRIES = 8;

export function Timeline({ history, onSelectCase }: { history: HistoryState; onSelectCase(caseId: string): void }) {
  const { t } = useTranslation();
  const actions = useDeskActions();
  const { items, nextCursor, loading, loadingMore, error, loadMore, refresh, addedCount } = history;
  const scroller = useRef<HTMLDivElement>(null);
  const [currentKey, setCurrentKey] = useState<string | null>(null);
  const pendingFocus = useRef<string | null>(null);

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

  // J/K and Alt+↓/↑ walk the story one entry at a time. Only a window of entries exists in the page,
  // so the list is scrolled to the entry first and focus follows once it has been drawn.
  const move = useCallback(
    (delta: 1 | -1) => {
      if (items.length === 0) return;
      const at = currentKey ? items.findIndex((item) => itemKey(item) === currentKey) : -1;
      const next = at < 0 ? 0 : Math.min(items.length - 1, Math.max(0, at + delta));
      const item = items[next];
      if (!item) return;
      const key = itemKey(item);
      setCurrentKey(key);
      pendingFocus.current = key;
      virtualizer.scrollToIndex(next, { align: 'auto' });
    },
    [items, currentKey, virtualizer],
  );
  useEffect(() => {
    const key = pendingFocus.current;
    if (!key) return;
    const element = scroller.current?.querySelector<HTMLElement>(`[data-entry-key="${CSS.escape(key)}"]`);
    if (!element) return;
    pendingFocus.current = null;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: 'nearest' });
  });
  useShortcut(SHORTCUTS.nextEntry.shortcut, () => move(1), { notWhileTyping: true });
  useShortcut(SHORTCUTS.previousEntry.shortcut, () => move(-1), { notWhileTyping: true });
  useShortcut(SHORTCUTS.nextEntryAlt.shortcut, () => move(1));
  useShortcut(SHORTCUTS.previousEntryAlt.shortcut, () => move(-1));

  // On a focused entry: P pins its note, Enter opens the case it is about.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!actions || event.ctrlKey || event.metaKey || event.altKey || event.nativeEvent.isComposing) return;
    const key = (event.target as HTMLElement).getAttribute('data-entry-key');
    const item = key ? items.find((i) => itemKey(i) === key) : undefined;
    if (!item) return;
    if (event.key.toLowerCase() === SHORTCUTS.pinEntry.shortcut.key) {
      const note = entryNote(item);
      if (note && actions.pinStatus(note.id).status === 'none') actions.pinNote(note);
      event.preventDefault();
    } else if (event.key === 'Enter') {
      const caseId = entryCase(item);
      if (caseId) actions.openCase(caseId);
      event.preventDefault();
    }
  };

  const complete = !nextCursor && !loading;
  return (
    <section className="panel timeline" aria-labelledby="timeline-title">
      <div className="panel-header">
        <h2 id="timeline-title" className="panel-title">
          {t('timeline.heading')}
        </h2>
        <span className="timeline-keys" aria-hidden="true">
          <Kbd keys={SHORTCUTS.nextEntry.keys} />
          <Kbd keys={SHORTCUTS.previousEntry.keys} />
        </span>
        <span className="panel-count" aria-live="polite">
          {loading
            ? t('timeline.loading')
            : complete
              ? t('timeline.all', { count: items.length })
              : t('timeline.loaded', { count: items.length })}
        </span>
      </div>
      <div
        ref={scroller}
        className="timeline-scroll"
        role="feed"
        aria-label={t('timeline.feedLabel')}
        aria-busy={loading || loadingMore}
        aria-keyshortcuts="J K Alt+ArrowDown Alt+ArrowUp"
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div className="timeline-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualItems.map((row) => {
            const item = items[row.index];
            if (!item) return null;
            return (
              <div
                key={row.key}
                data-index={row.index}
                ref={virtualizer.measureElement}
                className="timeline-row"
                style={{ transform: `translateY(${row.start}px)` }}
              >
                <TimelineEntry
                  item={item}
                  position={row.index + 1}
                  setSize={complete ? items.length : -1}
                  current={itemKey(item) === currentKey}
                  onFocus={setCurrentKey}
                  onSelectCase={onSelectCase}
                />
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
            {loading
              ? t('timeline.loading')
              : loadingMore || nextCursor
                ? t('timeline.loadingMore')
                : items.length === 0
                  ? t('timeline.empty')
                  : t('timeline.end')}
          </p>
        )}
      </div>
    </section>
  );
}
