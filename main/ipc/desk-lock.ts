import type { Agent } from '../../shared';
import type { DeskActor } from './desk-actor';

/** The default idle lock: 15 minutes without a call. */
export const DEFAULT_IDLE_LOCK_MINUTES = 15;

export interface DeskLock extends DeskActor {
  /**
   * `current()`, then the person read afresh (`refresh`): a profile disabled or removed since the
   * unlock locks the desk, and a changed role applies to this call.
   */
  resolve(): Promise<Agent | null>;
  /** The unlocked person (null while locked), without counting as activity. */
  peek(): Agent | null;
  unlock(agent: Agent): void;
  lock(): void;
  readonly idleLockMinutes: number;
}

export interface DeskLockOptions {
  idleLockMinutes?: number;
  /** The unlocked person as the database has them now, or null when they may no longer act. */
  refresh?: (agent: Agent) => Promise<Agent | null>;
  /** Milliseconds; a test moves it. */
  now?: () => number;
}

/**
 * Who is at a desk of local profiles. It starts locked: `current()` is null (and the router answers
 * `unauthenticated`) until a profile is unlocked with its PIN. Every `current()` is a call by that
 * person and restarts the idle timer; after `idleLockMinutes` without one the desk locks itself,
 * checked at the next call, so nothing runs in the background and a test needs no timers.
 */
export function createDeskLock(options: DeskLockOptions = {}): DeskLock {
  const now = options.now ?? Date.now;
  const idleLockMinutes = options.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES;
  const idleMs = idleLockMinutes * 60_000;
  let agent: Agent | null = null;
  let lastActivity = 0;

  const peek = (): Agent | null => {
    if (agent && now() - lastActivity >= idleMs) agent = null;
    return agent;
  };
  const current = (): Agent | null => {
    const who = peek();
    if (who) lastActivity = now();
    return who;
  };
  return {
    idleLockMinutes,
    peek,
    current,
    async resolve() {
      const who = current();
      if (!who || !options.refresh) return who;
      const fresh = await options.refresh(who);
      if (agent?.id !== who.id) return null; // locked (or another unlock) meanwhile
      agent = fresh;
      return fresh;
    },
    unlock(next) {
      agent = next;
      lastActivity = now();
    },
    lock() {
      agent = null;
    },
  };
}
