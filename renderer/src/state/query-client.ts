import { QueryClient } from '@tanstack/react-query';

/**
 * The desk's one query cache. React Query's defaults suit a web page a person keeps glancing at;
 * a live console is different, so each default that would surprise an agent is set on purpose:
 * - `retry: false` — a failed read shows its own retry button (`RetryError`) at once; three silent
 *   retries with back-off would leave the agent looking at a spinner for seconds mid-call.
 * - `refetchOnWindowFocus: false` — the host pushes `changed` events and the desk re-reads exactly
 *   what they touch; switching to the softphone and back must not re-read (and re-render) everything.
 * - `refetchOnReconnect: false` — the browser's online flag says nothing about our event channel;
 *   `useCustomerChanges` re-reads after the channel itself comes back.
 * - `staleTime: 30 s` — what the screen pop seeded is fresh, so mounting the panels it feeds asks
 *   the host nothing more; live data is kept current by invalidation, not by age.
 * - `gcTime: 5 min` — a customer opened a few calls ago is still in memory, but a long shift does
 *   not keep every customer of the day.
 * - writes are never retried by the library: a person retries, with the same mutation id.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        staleTime: 30_000,
        gcTime: 5 * 60_000,
      },
      mutations: { retry: false },
    },
  });
}
