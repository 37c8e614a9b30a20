/** How big a synthetic database is. Cases (~2 per customer) and agents (200) follow from these. */
export interface DatasetSizes {
  customers: number;
  contacts: number;
  notes: number;
}

/** The default run: a busy desk's replica, or a mid-sized team server. */
export const DEFAULT_SIZES: DatasetSizes = { customers: 100_000, contacts: 1_000_000, notes: 1_000_000 };

/** `--quick`: the same shape, small enough to build and measure in seconds. */
export const QUICK_SIZES: DatasetSizes = { customers: 2_000, contacts: 20_000, notes: 20_000 };

export const AGENT_COUNT = 200;
export const CASES_PER_CUSTOMER = 2;
