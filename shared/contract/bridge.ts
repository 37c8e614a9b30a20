import type { CallRequest } from './client';
import type { DeskSyncState } from './desk';
import type { Envelope } from './errors';
import type { EventName } from './events';

/** The name under which the desktop preload exposes the bridge: `window.kept`. */
export const BRIDGE_KEY = 'kept';

/** IPC channel names shared by preload and main. */
export const IPC_CHANNELS = {
  invoke: 'kept:invoke',
  event: 'kept:event',
} as const;

/**
 * The desk's lock (local profiles with a PIN): a separate allow-list of channels, each parsed in main
 * (`main/ipc/desk-router.ts`) and answered with an envelope. Nothing here needs anyone at the desk.
 */
export const DESK_CHANNELS = {
  state: 'desk:state',
  unlock: 'desk:unlock',
  lock: 'desk:lock',
  createProfile: 'desk:createProfile',
} as const;

/** A profile as the picker shows it: never a PIN or its hash. */
export interface DeskProfile {
  id: string;
  employeeNo: string;
  name: string;
  role: 'agent' | 'supervisor' | 'complaint_centre' | 'admin';
}

/** What `desk.state()` answers: the profiles and who (if anyone) has unlocked the desk. */
export interface DeskState {
  profiles: DeskProfile[];
  current: DeskProfile | null;
  /** Minutes without a call before the desk locks itself. */
  idleLockMinutes: number;
}

/** The desk half of the bridge. Inputs are untyped here on purpose: main parses them. */
export interface DeskBridge {
  state(): Promise<Envelope<DeskState>>;
  unlock(input: { profileId: string; pin: string }): Promise<Envelope<DeskState>>;
  lock(): Promise<Envelope<DeskState>>;
  createProfile(input: { employeeNo: string; name: string; role: DeskProfile['role']; pin: string }): Promise<Envelope<DeskState>>;
}

/**
 * The desk's team server (settings, sign-in, sync status): another fixed allow-list, parsed in main
 * (`main/ipc/sync-router.ts`). `status` is main → page only: the sync state each time it changes.
 */
export const SYNC_CHANNELS = {
  state: 'sync:state',
  setServer: 'sync:setServer',
  signIn: 'sync:signIn',
  signOut: 'sync:signOut',
  status: 'sync:status',
} as const;

/** The sync half of the bridge. Inputs are untyped here on purpose: main parses them, the page parses `onStatus`'s payload. */
export interface SyncBridge {
  state(): Promise<Envelope<DeskSyncState>>;
  setServer(input: { serverUrl: string | null }): Promise<Envelope<DeskSyncState>>;
  signIn(input: { employeeNo: string; password: string; pin?: string }): Promise<Envelope<DeskSyncState>>;
  signOut(): Promise<Envelope<DeskSyncState>>;
  onStatus(listener: (state: unknown) => void): () => void;
}

/**
 * All the desktop preload exposes to the page. Payloads are untyped on this side of the bridge:
 * main parses every request against the contract, and the renderer's client parses events.
 */
export interface KeptBridge {
  invoke(request: CallRequest): Promise<Envelope<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
  /** Local profiles and the PIN lock (the desktop only). */
  desk: DeskBridge;
  /** The team server: where it is, signing in to it, and whether writes have reached it (the desktop only). */
  sync: SyncBridge;
}

/** What main sends on IPC_CHANNELS.event. */
export interface BridgeEventMessage {
  event: EventName;
  payload: unknown;
}
