import { useEffect, useRef, useState } from 'react';
import type { SearchResults } from '../../../../shared';
import { useClient } from '../../state/client-context';

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

/**
 * Customers, cases and notes matching what is typed, as the host ranks them. Only the answer to the
 * latest text is ever shown; answers to text the agent has since changed are dropped.
 */
export function useGlobalSearch(text: string): SearchState {
  const client = useClient();
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    const query = text.trim();
    if (query.length === 0) {
      setState({ status: 'idle' });
      return;
    }
    if (query.length > SEARCH_MAX_CHARS) {
      setState({ status: 'too_long', query });
      return;
    }
    setState({ status: 'waiting', query });
    const timer = setTimeout(() => {
      client
        .call('search.global', { q: query, limit: PER_GROUP })
        .then((results) => request === latest.current && setState({ status: 'ready', query, results }))
        .catch((error: unknown) => request === latest.current && setState({ status: 'failed', query, error }));
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [client, text]);

  return state;
}
