import { type BridgeEventMessage, IPC_CHANNELS } from '../../shared/contract/bridge';
import type { EventBus } from '../core';

/** Where pushes go: our window's webContents, reduced to what forwarding needs. */
export interface EventSinkLike {
  isDestroyed(): boolean;
  send(channel: string, message: BridgeEventMessage): void;
}

/**
 * Sends every core event (committed changes, alerts) to the window as `{ event, payload }` on
 * IPC_CHANNELS.event. The window may come and go (macOS reopen), so it is looked up per event.
 * Returns the unsubscribe function.
 */
export function forwardChanges(bus: Pick<EventBus, 'on'>, sink: () => EventSinkLike | undefined): () => void {
  return bus.on((event) => {
    const target = sink();
    if (target === undefined || target.isDestroyed()) return;
    const message: BridgeEventMessage = event;
    target.send(IPC_CHANNELS.event, message);
  });
}
