/** The search box in the top bar (phone look-up, customers, cases, notes). */
export { GlobalSearch, type SearchTarget } from './GlobalSearch';
export { useGlobalSearch } from './use-global-search';
