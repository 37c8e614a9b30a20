import type { CallRequest } from './client';
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
 * All the desktop preload exposes to the page. Payloads are untyped on this side of the bridge:
 * main parses every request against the contract, and the renderer's client parses events.
 */
export interface KeptBridge {
  invoke(request: CallRequest): Promise<Envelope<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** What main sends on IPC_CHANNELS.event. */
export interface BridgeEventMessage {
  event: EventName;
  payload: unknown;
}
