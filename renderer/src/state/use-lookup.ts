import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Customer, ProcedureInput, ProcedureOutput } from '../../../shared';
import { isPhoneInvalid } from '../errors/describe-error';
import { claimFocusForPop } from './focus-claim';
import { useClient } from './client-context';
import { procedureKey, setProcedureData } from './queries';
import { HISTORY_PAGE_SIZE } from './use-history';

export type LookupState =
  | { status: 'idle' }
  | { status: 'searching'; raw: string }
  | { status: 'found'; phone: string; customer: Customer }
  | { status: 'not_found'; raw: string; phone: string }
  | { status: 'invalid'; raw: string }
  /** `customerId` when the customer was being opened from search rather than looked up by number. */
  | { status: 'failed'; raw: string; customerId?: string; error: unknown };

export interface Lookup {
  state: LookupState;
  /** The screen pop by the number as typed (Enter in the search box). */
  lookup(raw: string): void;
  /** The screen pop of a customer known by id (chosen in search, just created, named by an alert). */
  open(customerId: string, phone?: string): void;
  /** Asks again for what is wanted now (the retry button of a failed look-up). */
  retry(): void;
}

type PopInput = ProcedureInput<'customers.pop'>;
type PopOutput = ProcedureOutput<'customers.pop'>;

interface Wanted {
  input: PopInput;
  raw: string;
  /** The number to show in the header when the customer was opened by id (e.g. the one just attached). */
  phone?: string;
}

/** Every panel the first screen shows, filled from one answer: no panel asks the host again on mount. */
export function seedScreenPop(queryClient: QueryClient, pop: Extract<PopOutput, { found: true }>): void {
  const customerId = pop.customer.id;
  setProcedureData(queryClient, 'customers.get', { id: customerId }, pop.customer);
  setProcedureData(queryClient, 'customers.brief', { customerId }, pop.brief);
  setProcedureData(queryClient, 'customers.history', { customerId, limit: HISTORY_PAGE_SIZE }, pop.history);
  setProcedureData(queryClient, 'drafts.forCustomer', { customerId }, pop.drafts);
}

/**
 * Screen pop: one `customers.pop` request brings the customer, the brief, the first page of history
 * and where drafts wait, and seeds the cache for each, so the workspace renders at once. The raw text
 * goes to the host as typed: the host normalises (spaces, +86, 0086, full-width IME digits) so every
 * desk agrees on what a number is. What is shown is the answer for what is wanted now — an answer to
 * an earlier look-up lands in the cache under its own key and is never shown.
 */
export function useLookup(): Lookup {
  const client = useClient();
  const queryClient = useQueryClient();
  const [wanted, setWanted] = useState<Wanted | null>(null);
  const wantedRef = useRef(wanted);

  const input = wanted?.input ?? null;
  const pop = useQuery({
    queryKey: procedureKey('customers.pop', input as PopInput),
    queryFn: async () => {
      const answer = await client.call('customers.pop', input as PopInput);
      // Seeded before the answer is shown, so the workspace's panels find their data on mount.
      if (answer.found) seedScreenPop(queryClient, answer);
      return answer;
    },
    enabled: input !== null,
    // Each look-up asks the host afresh; a pop nobody shows is not kept.
    staleTime: 0,
    gcTime: 0,
  });

  const want = useCallback(
    (next: Wanted) => {
      claimFocusForPop();
      const key = procedureKey('customers.pop', next.input);
      // The same look-up again (Enter on the same number): ask again rather than show the cached answer.
      if (wantedRef.current && JSON.stringify(wantedRef.current.input) === JSON.stringify(next.input)) {
        void queryClient.refetchQueries({ queryKey: key, exact: true });
      }
      wantedRef.current = next;
      setWanted(next);
    },
    [queryClient],
  );

  const lookup = useCallback((raw: string) => want({ input: { phone: raw, historyLimit: HISTORY_PAGE_SIZE }, raw }), [want]);
  const open = useCallback(
    (customerId: string, phone?: string) =>
      want({ input: { customerId, historyLimit: HISTORY_PAGE_SIZE }, raw: '', ...(phone ? { phone } : {}) }),
    [want],
  );
  const { refetch } = pop;
  const retry = useCallback(() => {
    claimFocusForPop();
    void refetch();
  }, [refetch]);

  const state = useMemo((): LookupState => {
    if (!wanted) return { status: 'idle' };
    const { raw } = wanted;
    if (pop.isFetching) return { status: 'searching', raw };
    if (pop.isError) {
      if (isPhoneInvalid(pop.error)) return { status: 'invalid', raw };
      return { status: 'failed', raw, ...(wanted.input.customerId ? { customerId: wanted.input.customerId } : {}), error: pop.error };
    }
    const answer = pop.data;
    if (!answer) return { status: 'searching', raw };
    if (!answer.found) return { status: 'not_found', raw, phone: answer.phone };
    return { status: 'found', phone: answer.phone ?? wanted.phone ?? answer.customer.phones[0]?.e164 ?? '', customer: answer.customer };
  }, [wanted, pop.isFetching, pop.isError, pop.error, pop.data]);

  return { state, lookup, open, retry };
}
