import type { EventName, EventPayload } from '../../shared';

/** Any event of the contract, as it travels: `{ event, payload }`. */
export type CoreEvent = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];
export type Changed = EventPayload<'changed'>;
type Listener = (event: CoreEvent) => void;

/** Fan-out of committed changes and alerts to whoever hosts core (IPC windows, WebSocket clients, sync). */
export interface EventBus {
  emit(event: CoreEvent): void;
  on(listener: Listener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<Listener>();
  return {
    emit(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch {
          // a failing subscriber must not undo or hide a committed write
        }
      }
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
