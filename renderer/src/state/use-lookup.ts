import { useCallback, useRef, useState } from 'react';
import type { CustomerSummary } from '../../../shared';
import { isPhoneInvalid } from '../errors/describe-error';
import { useClient } from './client-context';

export type LookupState =
  | { status: 'idle' }
  | { status: 'searching'; raw: string }
  | { status: 'found'; phone: string; customer: CustomerSummary }
  | { status: 'not_found'; raw: string; phone: string }
  | { status: 'invalid'; raw: string }
  /** `customerId` when the customer was being opened from search rather than looked up by number. */
  | { status: 'failed'; raw: string; customerId?: string; error: unknown };

export interface Lookup {
  state: LookupState;
  lookup(raw: string): void;
  open(customer: CustomerSummary, phone: string): void;
  /** Opens a customer known only by id (a case or note found in search). Resolves once shown. */
  openById(customerId: string): Promise<CustomerSummary | null>;
}

/**
 * Screen pop by phone number. The raw text goes to the host as typed: the host normalises
 * (spaces, +86, 0086, full-width IME digits) so every desk agrees on what a number is.
 */
export function useLookup(): Lookup {
  const client = useClient();
  const [state, setState] = useState<LookupState>({ status: 'idle' });
  const latest = useRef(0);

  const lookup = useCallback(
    (raw: string) => {
      const request = ++latest.current;
      setState({ status: 'searching', raw });
      client
        .call('customers.lookup', { phone: raw })
        .then(({ phone, customer }) => {
          if (request !== latest.current) return;
          setState(customer ? { status: 'found', phone, customer } : { status: 'not_found', raw, phone });
        })
        .catch((error: unknown) => {
          if (request !== latest.current) return;
          setState(isPhoneInvalid(error) ? { status: 'invalid', raw } : { status: 'failed', raw, error });
        });
    },
    [client],
  );

  const open = useCallback((customer: CustomerSummary, phone: string) => {
    latest.current += 1;
    setState({ status: 'found', phone, customer });
  }, []);

  const openById = useCallback(
    async (customerId: string): Promise<CustomerSummary | null> => {
      const request = ++latest.current;
      setState((current) =>
        current.status === 'found' && current.customer.id === customerId ? current : { status: 'searching', raw: '' },
      );
      try {
        const customer = await client.call('customers.get', { id: customerId });
        if (request !== latest.current) return null;
        setState((current) =>
          current.status === 'found' && current.customer.id === customerId
            ? current
            : { status: 'found', phone: customer.phones[0]?.e164 ?? '', customer },
        );
        return customer;
      } catch (error) {
        if (request === latest.current) setState({ status: 'failed', raw: '', customerId, error });
        return null;
      }
    },
    [client],
  );

  return { state, lookup, open, openById };
}
