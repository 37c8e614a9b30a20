import {
  AppError,
  type CallOptions,
  type EventName,
  type EventPayload,
  type KeptBridge,
  type ProcedureInput,
  type ProcedureName,
  type ProcedureOutput,
} from '../../../shared';
import type { ConsoleClient } from './console-client';
import { unwrapEnvelope } from './envelope';
import { mutationIdFor } from './mutation-id';
import { parseEvent } from './parse-event';

/** The desktop transport: the preload's bridge carries the same envelopes as HTTP does. */
export function createIpcClient(bridge: KeptBridge): ConsoleClient {
  const unsubscribers = new Set<() => void>();

  async function call<P extends ProcedureName>(name: P, input: ProcedureInput<P>, callOptions?: CallOptions): Promise<ProcedureOutput<P>> {
    const mutationId = mutationIdFor(name, callOptions?.mutationId);
    let raw: unknown;
    try {
      raw = await bridge.invoke(mutationId === undefined ? { procedure: name, input } : { procedure: name, input, mutationId });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError('unavailable', `The desktop host did not answer: ${reason}`);
    }
    return unwrapEnvelope<ProcedureOutput<P>>(raw);
  }

  function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const off = bridge.subscribe(event, (raw) => {
      const payload = parseEvent(event, raw);
      if (payload !== null) listener(payload);
    });
    const unsubscribe = () => {
      if (!unsubscribers.delete(unsubscribe)) return;
      off();
    };
    unsubscribers.add(unsubscribe);
    return unsubscribe;
  }

  return {
    call,
    subscribe,
    // Main and this window live and die together: pushes flow whenever the page is up.
    connectionState: () => 'open',
    onConnectionChange: () => () => undefined,
    close: () => {
      for (const unsubscribe of [...unsubscribers]) unsubscribe();
    },
  };
}
