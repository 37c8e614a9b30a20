import { type EventName, type EventPayload, events } from '../../../shared';

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}

/** A pushed payload checked against the contract; null when it does not match (it is then dropped). */
export function parseEvent<E extends EventName>(event: E, raw: unknown): EventPayload<E> | null {
  const parsed = events[event].safeParse(raw);
  return parsed.success ? (parsed.data as EventPayload<E>) : null;
}
