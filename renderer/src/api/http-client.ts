import {
  AppError,
  type CallOptions,
  type EventName,
  type EventPayload,
  type ProcedureInput,
  type ProcedureName,
  type ProcedureOutput,
} from '../../../shared';
import type { ConsoleClient } from './console-client';
import { unwrapEnvelope } from './envelope';
import { EventListeners } from './event-listeners';
import { type BackoffOptions, DEFAULT_BACKOFF, EventSocket, type WebSocketConstructor } from './event-socket';
import { mutationIdFor } from './mutation-id';

export interface HttpClientOptions {
  fetch?: typeof fetch;
  /** Needed where the runtime has no global WebSocket (Node 20): pass the `ws` package's. */
  WebSocket?: WebSocketConstructor;
  /** A call that takes longer than this fails as `unavailable`; a mutation may then be retried with its id. */
  timeoutMs?: number;
  backoff?: BackoffOptions;
}

const DEFAULT_TIMEOUT_MS = 20_000;

function trimSlashes(url: string): string {
  return url.replace(/\/+$/, '');
}

function eventsUrl(baseUrl: string): string {
  const url = new URL(`${trimSlashes(baseUrl)}/api/events`);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

function globalWebSocket(): WebSocketConstructor | undefined {
  const candidate = (globalThis as { WebSocket?: unknown }).WebSocket;
  return typeof candidate === 'function' ? (candidate as WebSocketConstructor) : undefined;
}

async function readBody(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    // A proxy or a restarting server answers with HTML or nothing: the host is not there right now.
    if (response.status >= 502 && response.status <= 504)
      throw new AppError('unavailable', `The server is not reachable (HTTP ${response.status}).`);
    throw new AppError('internal', `The server answered HTTP ${response.status} without a readable body.`);
  }
}

/** The browser transport: `POST /api/rpc/<procedure>` for calls, one WebSocket at `/api/events` for pushes. */
export function createHttpClient(baseUrl: string, options: HttpClientOptions = {}): ConsoleClient {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const listeners = new EventListeners();
  const Socket = options.WebSocket ?? globalWebSocket();
  const socket = Socket ? new EventSocket(eventsUrl(baseUrl), Socket, listeners, options.backoff ?? DEFAULT_BACKOFF) : null;

  async function call<P extends ProcedureName>(name: P, input: ProcedureInput<P>, callOptions?: CallOptions): Promise<ProcedureOutput<P>> {
    const mutationId = mutationIdFor(name, callOptions?.mutationId);
    const body = JSON.stringify(mutationId === undefined ? { input } : { input, mutationId });
    let response: Response;
    try {
      response = await doFetch(`${trimSlashes(baseUrl)}/api/rpc/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError('unavailable', `The server could not be reached: ${reason}`);
    }
    return unwrapEnvelope<ProcedureOutput<P>>(await readBody(response));
  }

  function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const off = listeners.add(event, listener);
    socket?.sync();
    return () => {
      off();
      socket?.sync();
    };
  }

  return {
    call,
    subscribe,
    connectionState: () => socket?.connectionState ?? 'idle',
    onConnectionChange: (listener) => socket?.onStateChange(listener) ?? (() => undefined),
    close: () => socket?.stop(),
  };
}
