/** The search box in the top bar (phone look-up, customers, cases, notes). */
import './search.css';
export { GlobalSearch, type SearchTarget } from './GlobalSearch';
export { useGlobalSearch } from './use-global-search';
