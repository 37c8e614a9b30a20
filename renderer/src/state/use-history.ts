import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { HistoryItem } from '../../../shared';
import { useClient } from './client-context';
import { appendPage, type HistoryPage, insertItem, mergeFreshPage } from './history-items';
import { procedureKey } from './queries';

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

const EMPTY: HistoryItem[] = [];

/**
 * A customer's history, paged by the host's cursor. The cache holds it under the first page's key
 * (`customers.history` with no cursor), which the screen pop seeds; a re-read of that page (a change
 * event invalidated it) is laid over what is loaded, and further pages are appended to the same entry,
 * so the agent's scroll survives live updates. An answer is written under the key it was asked for,
 * so a page for a customer no longer on screen never reaches this one.
 */
export function useHistory(customerId: string): HistoryState {
  const client = useClient();
  const queryClient = useQueryClient();
  const key = procedureKey('customers.history', { customerId, limit: HISTORY_PAGE_SIZE });
  const query = useQuery({
    queryKey: key,
    queryFn: async (): Promise<HistoryPage> => {
      const fresh = await client.call('customers.history', { customerId, limit: HISTORY_PAGE_SIZE });
      const current = queryClient.getQueryData<HistoryPage>(key);
      return current ? mergeFreshPage(current, fresh) : fresh;
    },
  });

  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const moreInFlight = useRef<string | null>(null);
  const nextCursor = query.data?.nextCursor ?? null;

  const loadMore = useCallback(() => {
    const cursor = nextCursor;
    if (!cursor || moreInFlight.current === cursor) return;
    moreInFlight.current = cursor;
    setLoadingMore(true);
    client
      .call('customers.history', { customerId, cursor, limit: HISTORY_PAGE_SIZE })
      .then((next) => {
        queryClient.setQueryData<HistoryPage>(key, (current) =>
          current && current.nextCursor === cursor
            ? { items: appendPage(current.items, next.items), nextCursor: next.nextCursor }
            : current,
        );
        setMoreError(null);
      })
      .catch(setMoreError)
      .finally(() => {
        if (moreInFlight.current === cursor) moreInFlight.current = null;
        setLoadingMore(false);
      });
  }, [client, queryClient, customerId, nextCursor]);

  const { refetch } = query;
  const refresh = useCallback(() => void refetch(), [refetch]);

  const [addedCount, setAddedCount] = useState(0);
  const add = useCallback(
    (item: HistoryItem) => {
      queryClient.setQueryData<HistoryPage>(procedureKey('customers.history', { customerId, limit: HISTORY_PAGE_SIZE }), (current) =>
        current ? { ...current, items: insertItem(current.items, item) } : current,
      );
      setAddedCount((n) => n + 1);
    },
    [queryClient, customerId],
  );

  return {
    items: query.data?.items ?? EMPTY,
    nextCursor,
    loading: query.isPending,
    loadingMore,
    error: query.error ?? moreError,
    loadMore,
    refresh,
    add,
    addedCount,
  };
}
