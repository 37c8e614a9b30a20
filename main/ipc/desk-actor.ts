import type { Agent } from '../../shared';

/**
 * Who is working at this desk, for the IPC router. The desktop has no server sign-in: the app uses the
 * desk lock (`createDeskLock` in `desk-lock.ts`), whose `current()` is null until a local profile is
 * unlocked with its PIN (hashed with core's scrypt, `main/core/accounts/desk-profiles.ts`), which the
 * router answers as `unauthenticated`, exactly as the browser host does without a session.
 */
export interface DeskActor {
  current(): Agent | null;
}

/** One person, always (tests and tools). */
export function fixedDeskActor(agent: Agent): DeskActor {
  return { current: () => agent };
}
