import { type BridgeEventMessage, IPC_CHANNELS } from '../../shared/contract/bridge';
import type { ChangeBus } from '../core';

/** Where pushes go: our window's webContents, reduced to what forwarding needs. */
export interface EventSinkLike {
  isDestroyed(): boolean;
  send(channel: string, message: BridgeEventMessage): void;
}

/**
 * Sends every committed change to the window as `{ event: 'changed', payload }` on
 * IPC_CHANNELS.event. The window may come and go (macOS reopen), so it is looked up per change.
 * Returns the unsubscribe function.
 */
export function forwardChanges(bus: Pick<ChangeBus, 'on'>, sink: () => EventSinkLike | undefined): () => void {
  return bus.on((payload) => {
    const target = sink();
    if (target === undefined || target.isDestroyed()) return;
    const message: BridgeEventMessage = { event: 'changed', payload };
    target.send(IPC_CHANNELS.event, message);
  });
}
