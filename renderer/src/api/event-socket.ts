import type { EventListeners } from './event-listeners';

/** The part of the WebSocket API the client uses; the browser's and the `ws` package's both fit. */
export interface WebSocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  close(code?: number, reason?: string): void;
}
export type WebSocketConstructor = new (url: string) => WebSocketLike;

export type ConnectionState = 'idle' | 'connecting' | 'open' | 'retrying';

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 15_000 };

/**
 * One socket to /api/events, open only while someone listens. When it drops it comes back with
 * growing, jittered delays, so a restarted server is not hit by every desk at the same instant.
 */
export class EventSocket {
  private socket: WebSocketLike | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private state: ConnectionState = 'idle';
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();

  constructor(
    private readonly url: string,
    private readonly Socket: WebSocketConstructor,
    private readonly listeners: EventListeners,
    private readonly backoff: BackoffOptions = DEFAULT_BACKOFF,
  ) {}

  get connectionState(): ConnectionState {
    return this.state;
  }

  onStateChange(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => {
      this.stateListeners.delete(listener);
    };
  }

  /** Call after listeners change: opens when the first arrives, closes after the last leaves. */
  sync(): void {
    if (this.listeners.size > 0) {
      if (!this.socket && !this.retryTimer) this.open();
    } else {
      this.stop();
    }
  }

  stop(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      socket.onerror = null;
      socket.onopen = null;
      socket.close(1000, 'done');
    }
    this.attempt = 0;
    this.setState('idle');
  }

  private open(): void {
    this.setState(this.attempt === 0 ? 'connecting' : 'retrying');
    let socket: WebSocketLike;
    try {
      socket = new this.Socket(this.url);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.setState('open');
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onerror = () => {
      // onclose follows and schedules the retry
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.scheduleRetry();
    };
  }

  private receive(data: unknown): void {
    const text = typeof data === 'string' ? data : String(data);
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { event, payload } = message as { event?: unknown; payload?: unknown };
    if (typeof event === 'string') this.listeners.deliver(event, payload);
  }

  private scheduleRetry(): void {
    if (this.listeners.size === 0) {
      this.stop();
      return;
    }
    this.setState('retrying');
    const ceiling = Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** this.attempt);
    this.attempt += 1;
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, delay);
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of [...this.stateListeners]) listener(state);
  }
}
