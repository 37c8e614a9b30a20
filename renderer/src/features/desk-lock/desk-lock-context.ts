import { createContext, useContext } from 'react';
import type { DeskBridge, DeskProfile } from '../../../../shared';

export interface DeskLockControls {
  /** Who unlocked the desk. */
  current: DeskProfile;
  idleLockMinutes: number;
  /** The desk half of the bridge (adding a profile). */
  bridge: DeskBridge;
  /** Locks the desk (the top bar's button). */
  lock(): void;
  /** The host answered `unauthenticated`: the desk locked itself (idle) — show the lock screen. */
  lockedByHost(): void;
  /** A sign-in against the team server made someone the desk's person: read who, and start afresh if it changed. */
  personChanged(): void;
}

/** Null in a browser, and in the desktop outside the unlocked desk. */
export const DeskLockContext = createContext<DeskLockControls | null>(null);

export function useDeskLock(): DeskLockControls | null {
  return useContext(DeskLockContext);
}
