import { useCallback, useEffect, useRef, useState } from 'react';
import type { HistoryItem } from '../../../shared';
import { useClient } from './client-context';
import { appendPage, type HistoryPage, insertItem, mergeFreshPage } from './history-items';

export const HISTORY_PAGE_SIZE = 30;

export interface HistoryState {
  items: HistoryItem[];
  nextCursor: string | null;
  /** True until the first page arrived. */
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  loadMore(): void;
  refresh(): void;
  /** Shows an entry the host has acknowledged without waiting for the re-read. */
  add(item: HistoryItem): void;
  /** Bumped by `add`, so the list can bring the agent's own new entry into view. */
  addedCount: number;
}

const EMPTY: HistoryPage = { items: [], nextCursor: null };

/** A customer's history, paged by the host's cursor, kept fresh by `refresh` on change events. */
export function useHistory(customerId: string): HistoryState {
  const client = useClient();
  const [page, setPage] = useState<HistoryPage>(EMPTY);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Answers for a customer no longer on screen are dropped.
  const generation = useRef(0);
  const pageRef = useRef(page);
  pageRef.current = page;
  const moreInFlight = useRef(false);

  const refresh = useCallback(() => {
    const gen = generation.current;
    client
      .call('customers.history', { customerId, limit: HISTORY_PAGE_SIZE })
      .then((fresh) => {
        if (gen !== generation.current) return;
        setPage((current) => mergeFreshPage(current, fresh));
        setError(null);
      })
      .catch((e: unknown) => {
        if (gen === generation.current) setError(e);
      })
      .finally(() => {
        if (gen === generation.current) setLoading(false);
      });
  }, [client, customerId]);

  useEffect(() => {
    generation.current += 1;
    setPage(EMPTY);
    setLoading(true);
    setError(null);
    moreInFlight.current = false;
    setLoadingMore(false);
    refresh();
  }, [refresh]);

  const loadMore = useCallback(() => {
    const cursor = pageRef.current.nextCursor;
    if (!cursor || moreInFlight.current) return;
    moreInFlight.current = true;
    setLoadingMore(true);
    const gen = generation.current;
    client
      .call('customers.history', { customerId, cursor, limit: HISTORY_PAGE_SIZE })
      .then((next) => {
        if (gen !== generation.current) return;
        setPage((current) =>
          current.nextCursor === cursor ? { items: appendPage(current.items, next.items), nextCursor: next.nextCursor } : current,
        );
        setError(null);
      })
      .catch((e: unknown) => {
        if (gen === generation.current) setError(e);
      })
      .finally(() => {
        if (gen !== generation.current) return;
        moreInFlight.current = false;
        setLoadingMore(false);
      });
  }, [client, customerId]);

  const [addedCount, setAddedCount] = useState(0);
  const add = useCallback((item: HistoryItem) => {
    setPage((current) => ({ ...current, items: insertItem(current.items, item) }));
    setAddedCount((n) => n + 1);
  }, []);

  return { items: page.items, nextCursor: page.nextCursor, loading, loadingMore, error, loadMore, refresh, add, addedCount };
}
