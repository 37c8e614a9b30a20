import {
  type BridgeEventMessage,
  DESK_CHANNELS,
  type DeskState,
  IPC_CHANNELS,
  type KeptBridge,
  SYNC_CHANNELS,
} from '../../shared/contract/bridge';
import type { DeskSyncState } from '../../shared/contract/desk';
import type { CallRequest } from '../../shared/contract/client';
import type { Envelope } from '../../shared/contract/errors';
import type { EventName } from '../../shared/contract/events';

/** The part of ipcRenderer the bridge uses. It is never handed to the page. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * The events a page may subscribe to: the keys of `events` in shared/contract/events.ts.
 * Written out (not imported) so the sandboxed preload does not carry zod; the Record type makes
 * the compiler reject a missing or extra name, and a test compares it with the contract.
 */
const SUBSCRIBABLE: Record<EventName, true> = { changed: true, alert: true };
export const SUBSCRIBABLE_EVENTS = Object.keys(SUBSCRIBABLE) as EventName[];

function isSubscribable(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(SUBSCRIBABLE, name);
}

function isBridgeEventMessage(value: unknown): value is BridgeEventMessage {
  return typeof value === 'object' && value !== null && isSubscribable((value as { event?: unknown }).event);
}

/**
 * Builds `window.kept`: invoke, subscribe and the desk's lock (`desk`), nothing else. The page never sees ipcRenderer or
 * Electron's event object (whose `sender` would be ipcRenderer itself).
 */
export function createBridge(ipc: IpcRendererLike): KeptBridge {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  // One IPC listener for all subscriptions, attached while anyone listens.
  const onMessage = (_event: unknown, message: unknown): void => {
    if (!isBridgeEventMessage(message)) return;
    for (const listener of [...(listeners.get(message.event) ?? [])]) {
      try {
        listener(message.payload);
      } catch {
        // One failing listener must not starve the others.
      }
    }
  };
  const total = () => [...listeners.values()].reduce((n, set) => n + set.size, 0);

  // The desk's lock: four fixed channels; the input goes as it is and main parses it.
  const desk = (channel: string, ...args: unknown[]): Promise<Envelope<DeskState>> =>
    (ipc.invoke(channel, ...args) as Promise<Envelope<DeskState>>).catch(() => ({
      ok: false as const,
      error: { code: 'unavailable' as const, message: 'Kept is not ready to answer yet. Try again in a moment.' },
    }));

  const sync = (channel: string, ...args: unknown[]): Promise<Envelope<DeskSyncState>> =>
    (ipc.invoke(channel, ...args) as Promise<Envelope<DeskSyncState>>).catch(() => ({
      ok: false as const,
      error: { code: 'unavailable' as const, message: 'Kept is not ready to answer yet. Try again in a moment.' },
    }));

  return {
    sync: {
      state: () => sync(SYNC_CHANNELS.state),
      setServer: (input) => sync(SYNC_CHANNELS.setServer, input),
      signIn: (input) => sync(SYNC_CHANNELS.signIn, input),
      signOut: () => sync(SYNC_CHANNELS.signOut),
      onStatus(listener: (state: unknown) => void): () => void {
        if (typeof listener !== 'function') throw new TypeError('A listener must be a function.');
        // Only the payload reaches the page, never Electron's event (whose sender is ipcRenderer).
        const onStatus = (_event: unknown, state: unknown): void => {
          try {
            listener(state);
          } catch {
            // A failing listener must not break the bridge.
          }
        };
        ipc.on(SYNC_CHANNELS.status, onStatus);
        let active = true;
        return () => {
          if (!active) return;
          active = false;
          ipc.removeListener(SYNC_CHANNELS.status, onStatus);
        };
      },
    },
    desk: {
      state: () => desk(DESK_CHANNELS.state),
      unlock: (input) => desk(DESK_CHANNELS.unlock, input),
      lock: () => desk(DESK_CHANNELS.lock),
      createProfile: (input) => desk(DESK_CHANNELS.createProfile, input),
    },
    invoke(request: CallRequest): Promise<Envelope<unknown>> {
      return (ipc.invoke(IPC_CHANNELS.invoke, request) as Promise<Envelope<unknown>>).catch(() => ({
        ok: false as const,
        error: { code: 'unavailable' as const, message: 'Kept is not ready to answer yet. Try again in a moment.' },
      }));
    },
    subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
      if (!isSubscribable(event)) throw new TypeError(`Unknown event "${String(event)}".`);
      if (typeof listener !== 'function') throw new TypeError('A listener must be a function.');
      if (total() === 0) ipc.on(IPC_CHANNELS.event, onMessage);
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        set.delete(listener);
        if (set.size === 0) listeners.delete(event);
        if (total() === 0) ipc.removeListener(IPC_CHANNELS.event, onMessage);
      };
    },
  };
}
