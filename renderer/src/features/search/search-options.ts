import type { SearchResults } from '../../../../shared';

export type CustomerResult = SearchResults['customers'][number];
export type CaseResult = SearchResults['cases'][number];
export type NoteResult = SearchResults['notes'][number];

/** One row the arrow keys can land on, in the order shown. */
export type SearchOption =
  | { kind: 'lookup'; id: string; raw: string }
  | { kind: 'customer'; id: string; result: CustomerResult }
  | { kind: 'case'; id: string; result: CaseResult }
  | { kind: 'note'; id: string; result: NoteResult };

/**
 * Looks like a phone number as typed: digits with the usual separators, seven or more digits.
 * Full-width digits from a Chinese IME count too (NFKC folds them).
 */
export function looksLikePhone(raw: string): boolean {
  const folded = raw.normalize('NFKC').replace(/[\s\-()+.]/g, '');
  return /^\d{7,}$/.test(folded);
}

/** The rows in order: looking up the number first (when it is one), then customers, cases and notes as ranked. */
export function searchOptions(raw: string, results: SearchResults | null): SearchOption[] {
  const options: SearchOption[] = [];
  if (looksLikePhone(raw)) options.push({ kind: 'lookup', id: 'search-option-lookup', raw });
  if (!results) return options;
  for (const result of results.customers) options.push({ kind: 'customer', id: `search-option-customer-${result.customer.id}`, result });
  for (const result of results.cases) options.push({ kind: 'case', id: `search-option-case-${result.case.id}`, result });
  for (const result of results.notes) options.push({ kind: 'note', id: `search-option-note-${result.noteId}`, result });
  return options;
}
