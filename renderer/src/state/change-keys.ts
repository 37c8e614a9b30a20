import type { Query } from '@tanstack/react-query';
import { keyParts } from './queries';

/** Reads about one customer, and the input field that names them. */
const CUSTOMER_READS: Readonly<Record<string, string>> = {
  'customers.get': 'id',
  'customers.brief': 'customerId',
  'customers.history': 'customerId',
};

/**
 * Reads about one case. A case's key does not say whose it is, so a change to the customer on screen
 * marks them all stale: only the ones on screen are read again, the rest when next shown.
 */
const CASE_READS: ReadonlySet<string> = new Set([
  'cases.get',
  'policy.evaluate',
  'escalations.list',
  'commitments.list',
  'messages.list',
  'decisions.list',
]);

/** Reads that show known incidents (the brief's banners, a case's banners, the list itself). */
const INCIDENT_READS: ReadonlySet<string> = new Set(['customers.brief', 'cases.get', 'incidents.list']);

type KeyOf = Pick<Query, 'queryKey'>;

/** True for a read that a change to this customer (a write on any desk, an alert about a promise) makes stale. */
export function touchesCustomer(customerId: string): (query: KeyOf) => boolean {
  return ({ queryKey }) => {
    const parts = keyParts(queryKey);
    if (!parts) return false;
    const field = CUSTOMER_READS[parts.name];
    if (field) return parts.input[field] === customerId;
    return CASE_READS.has(parts.name);
  };
}

/** True for a read that a recorded, changed or ended incident makes stale. */
export function touchesIncidents({ queryKey }: KeyOf): boolean {
  const parts = keyParts(queryKey);
  return parts !== null && INCIDENT_READS.has(parts.name);
}

/** True for a read of escalations (a supervisor's queue, a case's requests). */
export function touchesEscalations({ queryKey }: KeyOf): boolean {
  return keyParts(queryKey)?.name === 'escalations.list';
}
