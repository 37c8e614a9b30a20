import type { EventName, EventPayload } from '../../../shared';
import { isEventName, parseEvent } from './parse-event';

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

/** Listeners per event. Raw pushes are parsed against the contract before anyone hears them. */
export class EventListeners {
  private readonly byEvent = new Map<EventName, Set<Listener<EventName>>>();

  add<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.byEvent.get(event);
    if (!set) {
      set = new Set();
      this.byEvent.set(event, set);
    }
    const entry = listener as Listener<EventName>;
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  }

  get size(): number {
    let n = 0;
    for (const set of this.byEvent.values()) n += set.size;
    return n;
  }

  deliver(event: string, raw: unknown): void {
    if (!isEventName(event)) return;
    const payload = parseEvent(event, raw);
    if (payload === null) return;
    for (const listener of [...(this.byEvent.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch {
        // one failing screen must not stop the others from hearing the change
      }
    }
  }
}
