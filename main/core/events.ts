import type { EventPayload } from '../../shared';

export type Changed = EventPayload<'changed'>;
type Listener = (change: Changed) => void;

/** Fan-out of committed changes to whoever hosts core (IPC windows, WebSocket clients, sync). */
export interface ChangeBus {
  emit(change: Changed): void;
  on(listener: Listener): () => void;
}

export function createChangeBus(): ChangeBus {
  const listeners = new Set<Listener>();
  return {
    emit(change) {
      for (const listener of listeners) {
        try {
          listener(change);
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
