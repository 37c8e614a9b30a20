import type { CoreDeps } from '../core';
import type { SyncClient, SyncStatus } from './client';
import { openWsSocket, type WebSocketLike } from './event-socket';
import { isHeld } from './holdings';

export type { WebSocketLike } from './event-socket';

export interface SyncRunnerOptions {
  client: SyncClient;
  /** The desk's core (`outbox: true`): the runner pushes after each local write (bus event). */
  deps: CoreDeps;
  serverUrl: string;
  /** Opens the server's event socket (/api/events) for pokes; injectable for tests. Default: ws's WebSocket. */
  openSocket?: (url: string, headers: Record<string, string>) => WebSocketLike;
  /** Adds auth to requests/socket (cookie or Bearer); default none. */
  authHeaders?: () => Promise<Record<string, string>>;
  /** Pull at least this often even without pokes (default 30 s). */
  intervalMs?: number;
  /** First delay before reopening a lost socket, and the cap of its exponential back-off. */
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
  /** Milliseconds since the epoch; the client's `retryAt` is on the same clock. */
  clock?: () => number;
  /** In [0, 1): the jitter of the socket's back-off. */
  random?: () => number;
}

export interface SyncRunner {
  start(): void;
  stop(): Promise<void>;
  /** Push then pull now (e.g. after a reconnect). */
  syncNow(): Promise<void>;
  status(): Promise<SyncStatus>;
  onStatus(listener: (s: SyncStatus) => void): () => void;
}

/** The event socket's address for a server base URL: http → ws, https → wss. */
export function eventSocketUrl(serverUrl: string): string {
  const url = new URL('/api/events', serverUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/**
 * Keeps a desk in step with the team server: pushes after every local write, pulls when the server
 * pokes (a `changed` event on its socket), on a timer, and whenever the socket (re)connects. Push and
 * pull never overlap: requests coalesce into one work loop, so a burst of writes or pokes makes one
 * push or pull, not one each. The client's back-off is respected: while it says wait, the runner
 * waits until `retryAt` and tries once more.
 */
export function createSyncRunner(options: SyncRunnerOptions): SyncRunner {
  const { client, deps } = options;
  const openSocket = options.openSocket ?? openWsSocket;
  const intervalMs = options.intervalMs ?? 30_000;
  const reconnectBase = options.reconnectBaseMs ?? 1000;
  const reconnectMax = options.reconnectMaxMs ?? 30_000;
  const clock = options.clock ?? Date.now;
  const random = options.random ?? Math.random;

  let running = false;
  let wantPush = false;
  let wantPull = false;
  /** The work loop in progress, if any: the single place push and pull run. */
  let working: Promise<void> | null = null;
  let socket: WebSocketLike | null = null;
  let socketFailures = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let interval: ReturnType<typeof setInterval> | null = null;
  let offBus: (() => void) | null = null;

  function request(push: boolean, pull: boolean): Promise<void> {
    wantPush ||= push;
    wantPull ||= pull;
    working ??= work().finally(() => {
      working = null;
    });
    return working;
  }

  async function work(): Promise<void> {
    // Yield once so writes and pokes of the same tick fold into this round.
    await Promise.resolve();
    while (wantPush || wantPull) {
      const push = wantPush;
      const pull = wantPull;
      wantPush = false;
      wantPull = false;
      try {
        if (push) await pushNow();
        if (pull) await client.pullOnce();
      } catch {
        // The client records why in its status (lastError); an unexpected failure must not stop the loop.
      }
    }
  }

  async function pushNow(): Promise<void> {
    const outcome = await client.pushOnce();
    const { pending } = await client.status();
    // Waiting out a back-off, or just lost the server with writes still unsent: come back when a retry is due.
    // Writes held for a person without a sign-in here wait for that sign-in (`syncNow`), not for a timer.
    if (pending > 0 && !outcome.refused && !outcome.error && !outcome.held) scheduleRetry();
  }

  function scheduleRetry(): void {
    if (!running || retryTimer) return;
    const delay = Math.max(0, client.retryAt() - clock());
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (running) void request(true, false);
    }, delay);
    retryTimer.unref?.();
  }

  async function connect(): Promise<void> {
    if (!running || socket) return;
    const headers = options.authHeaders ? await options.authHeaders().catch(() => ({})) : {};
    if (!running || socket) return;
    let opened: WebSocketLike;
    try {
      opened = openSocket(eventSocketUrl(options.serverUrl), headers);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = opened;
    let closed = false;
    const lost = () => {
      if (closed) return;
      closed = true;
      if (socket === opened) socket = null;
      scheduleReconnect();
    };
    opened.on('open', () => {
      socketFailures = 0;
      // Pokes sent while the socket was down were missed: catch up now.
      void request(true, true);
    });
    opened.on('message', (data) => {
      const changed = changedCustomer(data);
      if (changed === undefined) return;
      // Every desk hears of every write; only one about a customer this desk holds (or about none) is worth a pull.
      if (changed === null) void request(false, true);
      else
        void isHeld(deps.db, changed, new Date(clock())).then(
          (held) => {
            if (held) void request(false, true);
          },
          () => void request(false, true),
        );
    });
    opened.on('close', lost);
    opened.on('error', lost);
  }

  function scheduleReconnect(): void {
    if (!running || reconnectTimer) return;
    socketFailures += 1;
    const ceiling = Math.min(reconnectMax, reconnectBase * 2 ** (socketFailures - 1));
    reconnectTimer = setTimeout(
      () => {
        reconnectTimer = null;
        void connect();
      },
      Math.round(ceiling / 2 + (random() * ceiling) / 2),
    );
    reconnectTimer.unref?.();
  }

  return {
    start() {
      if (running) return;
      running = true;
      // Only this desk's own writes fill the outbox; a change with nothing pending is a cheap no-op push.
      offBus = deps.bus.on((event) => {
        if (event.event === 'changed') void request(true, false);
      });
      interval = setInterval(() => void request(true, true), intervalMs);
      interval.unref?.();
      void connect();
      void request(true, true);
    },
    async stop() {
      running = false;
      offBus?.();
      offBus = null;
      for (const timer of [reconnectTimer, retryTimer]) if (timer) clearTimeout(timer);
      if (interval) clearInterval(interval);
      reconnectTimer = retryTimer = interval = null;
      const open = socket;
      socket = null;
      open?.close();
      wantPush = wantPull = false;
      await working;
    },
    syncNow: () => request(true, true),
    status: () => client.status(),
    onStatus: (listener) => client.onStatus(listener),
  };
}

/**
 * The customer a `{ event: 'changed' }` frame of the event socket is about: an id, null for a change of
 * no customer, undefined for anything else (alerts, junk), which needs no pull.
 */
function changedCustomer(data: unknown): string | null | undefined {
  try {
    const text = typeof data === 'string' ? data : Buffer.isBuffer(data) ? data.toString('utf8') : String(data);
    const parsed = JSON.parse(text) as { event?: unknown; payload?: { customerId?: unknown } };
    if (parsed.event !== 'changed') return undefined;
    return typeof parsed.payload?.customerId === 'string' ? parsed.payload.customerId : null;
  } catch {
    return undefined;
  }
}
