import type { Policy } from './engine';
import type { TableName } from './tables';

/**
 * The bundle in force, swappable while the host runs (an administrator publishes a new one). It is a
 * Policy itself, so callers keep calling `evaluate` and reading `version`; a caller that must see one
 * bundle across several calls (a write: the version it records and the answers it checks) takes
 * `current()` once and uses that.
 */
export interface LivePolicy extends Policy {
  current(): Policy;
  set(next: Policy): void;
}

export function livePolicy(initial: Policy): LivePolicy {
  let active = initial;
  return {
    get version() {
      return active.version;
    },
    get tables() {
      return active.tables;
    },
    evaluate: <T>(table: TableName, facts: object) => active.evaluate<T>(table, facts),
    current: () => active,
    set(next) {
      active = next;
    },
  };
}
