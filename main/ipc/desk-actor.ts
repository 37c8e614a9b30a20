import type { Agent } from '../../shared';

/**
 * Who is working at this desk, for the IPC router. The desktop has no server sign-in: today it is
 * the desk's one local agent (`fixedDeskActor`). Local profiles come next — several people sharing a
 * desk, each choosing their profile at start and unlocking it with a PIN (hashed with core's
 * `hashPassword`, checked with `verifyPassword`) — and will be another `DeskActor` whose `current()`
 * is null until a profile is unlocked, which the router answers as `unauthenticated`, exactly as the
 * browser host does without a session.
 */
export interface DeskActor {
  current(): Agent | null;
}

export function fixedDeskActor(agent: Agent): DeskActor {
  return { current: () => agent };
}
