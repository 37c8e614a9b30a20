import type { Kysely } from 'kysely';
import type { Agent } from '../../shared';
import type { DB } from '../db';
import type { LivePolicy } from '../policy';
import type { EventBus } from './events';

/** What core needs from its host. Time is injected so tests and schedulers never wait. */
export interface CoreDeps {
  db: Kysely<DB>;
  /** Identifies this replica in mutations (a desk, or a server instance). */
  clientId: string;
  now: () => Date;
  /** Desks keep an outbox of their own writes for the team server; the server does not. */
  outbox: boolean;
  /** The team server logs every row a mutation touches in `changes` (a `change_seq` each) for desks to pull. */
  changeLog?: boolean;
  bus: EventBus;
  /**
   * The bundle in force; every decision records its version. Swapped in place when an administrator
   * publishes one (`core/policy/`): a write takes `policy.current()` once so it records the bundle it used.
   */
  policy: LivePolicy;
  /** On a desk that syncs with a team server: what a screen pop asks of the replica first (main/sync). */
  replica?: ReplicaHooks;
}

/** A desk's replica of the team server, as core's procedures see it. */
export interface ReplicaHooks {
  /**
   * Before a screen pop answers: hold the customer from now on, and when this desk does not hold
   * them yet and the server is reachable, bring in their history first. Never throws: offline, the
   * pop answers from what the desk has.
   */
  beforePop(lookup: { phone?: string; customerId?: string }): Promise<void>;
}

/** Who is calling. Hosts resolve it (desk settings, later sign-in); core trusts nothing else. */
export interface CallContext {
  actor: Agent;
}
