import { useEffect, useState } from 'react';
import type { SearchResults } from '../../../../shared';
import { useProcedureQuery } from '../../state/queries';

/** Typing pauses this long before the host is asked, so a burst of keys makes one search. */
export const SEARCH_DEBOUNCE_MS = 150;
/** The contract's limit on a search string. */
export const SEARCH_MAX_CHARS = 200;
const PER_GROUP = 8;

export type SearchState =
  | { status: 'idle' }
  | { status: 'waiting'; query: string }
  | { status: 'ready'; query: string; results: SearchResults }
  | { status: 'too_long'; query: string }
  | { status: 'failed'; query: string; error: unknown };

/** The text once the agent has paused typing for `ms`. */
function useSettled(text: string, ms: number): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return settled;
}

/**
 * Customers, cases and notes matching what is typed, as the host ranks them (`search.global`, one
 * cached read per text). Only the answer to the latest text is ever shown: an answer to text the
 * agent has since changed is stored under that text's key, not shown.
 */
export function useGlobalSearch(text: string): SearchState {
  const query = text.trim();
  const settled = useSettled(query, SEARCH_DEBOUNCE_MS);
  const asking = settled === query && query.length > 0 && query.length <= SEARCH_MAX_CHARS;
  // Each search asks afresh: results must not lag behind notes written a moment ago.
  const search = useProcedureQuery('search.global', asking ? { q: query, limit: PER_GROUP } : null, { staleTime: 0, gcTime: 30_000 });

  if (query.length === 0) return { status: 'idle' };
  if (query.length > SEARCH_MAX_CHARS) return { status: 'too_long', query };
  if (!asking || search.isFetching) return { status: 'waiting', query };
  if (search.isError) return { status: 'failed', query, error: search.error };
  if (search.data) return { status: 'ready', query, results: search.data };
  return { status: 'waiting', query };
}
