import type { AppErrorShape, DeskSyncState } from '../../shared';
import type { CoreDeps } from '../core';
import { createSyncClient, type SyncClient, type SyncStatus } from './client';
import { createSyncRunner, type SyncRunner, type SyncRunnerOptions } from './runner';
import { createTokenSession, type SecretStore, type TokenSession } from './token-session';

export interface DeskConnectionOptions {
  /** The desk's core (`outbox: true`). */
  deps: CoreDeps;
  /** Where the desk keeps its server's address (desk settings); null: standalone. */
  server: { get(): string | null; set(url: string | null): void };
  /** Where the refresh token lives between starts (Electron safeStorage on the desktop). */
  secrets: SecretStore;
  fetch?: typeof fetch;
  openSocket?: SyncRunnerOptions['openSocket'];
  /** How often the runner pulls without pokes. */
  intervalMs?: number;
  clock?: () => number;
}

export type DeskSignInOutcome = { ok: true; state: DeskSyncState } | { ok: false; error: AppErrorShape & { retryAt?: string } };

export interface DeskConnection {
  /** At start: with a server and a stored sign-in, signs in again and starts syncing. */
  start(): Promise<void>;
  state(): Promise<DeskSyncState>;
  /** Names the server (or none: standalone). A change of server ends the sign-in at the old one. */
  setServer(url: string | null): Promise<DeskSyncState>;
  signIn(employeeNo: string, password: string): Promise<DeskSignInOutcome>;
  signOut(): Promise<DeskSyncState>;
  /** Called with the new state whenever it may have changed (status, sign-in, server). */
  onState(listener: (state: DeskSyncState) => void): () => void;
  stop(): Promise<void>;
}

interface Linked {
  url: string;
  session: TokenSession;
  client: SyncClient;
  runner: SyncRunner | null;
  offSession: () => void;
  offStatus: () => void;
}

/**
 * The desktop's link to its team server, without Electron: the token session, the sync client that
 * sends with its token, and the runner, which runs only while a server is named and someone is signed
 * in to it. Without a server the desk stays standalone: nothing here touches the network.
 */
export function createDeskConnection(options: DeskConnectionOptions): DeskConnection {
  const listeners = new Set<(state: DeskSyncState) => void>();
  let linked: Linked | null = null;
  let lastStatus: SyncStatus = { online: false, pending: 0, lastError: null };

  async function pendingCount(): Promise<number> {
    const row = await options.deps.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function state(): Promise<DeskSyncState> {
    if (!linked)
      return {
        serverUrl: null,
        signedIn: false,
        person: null,
        remembered: options.secrets.persistent,
        online: false,
        pending: await pendingCount(),
        lastError: null,
      };
    const session = linked.session.state();
    const running = linked.runner !== null;
    return {
      serverUrl: linked.url,
      signedIn: session.signedIn,
      person: session.agent ? { employeeNo: session.agent.employeeNo, name: session.agent.name } : null,
      remembered: session.remembered,
      online: running && lastStatus.online,
      pending: await pendingCount(),
      lastError: running ? lastStatus.lastError : null,
    };
  }

  let stopped = false;
  async function announce(): Promise<void> {
    if (listeners.size === 0 || stopped) return;
    const now = await state();
    for (const listener of listeners) listener(now);
  }

  // A local write changes the count of unsent writes even while the client waits out a back-off.
  let announceTimer: ReturnType<typeof setTimeout> | null = null;
  const offBus = options.deps.bus.on((event) => {
    if (event.event !== 'changed' || announceTimer || listeners.size === 0 || stopped) return;
    announceTimer = setTimeout(() => {
      announceTimer = null;
      void announce().catch(() => undefined);
    }, 50);
    announceTimer.unref?.();
  });

  function link(url: string): Linked {
    const session = createTokenSession({
      serverUrl: url,
      clientId: options.deps.clientId,
      secrets: options.secrets,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    const client = createSyncClient({
      deps: options.deps,
      serverUrl: url,
      fetch: session.fetch,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    const next: Linked = { url, session, client, runner: null, offSession: () => undefined, offStatus: () => undefined };
    next.offStatus = client.onStatus((status) => {
      lastStatus = status;
      void announce().catch(() => undefined);
    });
    // The server ended the sign-in (revoked, disabled, reused token): stop syncing until someone signs in.
    next.offSession = session.onChange((now) => {
      void (now.signedIn ? run(next) : halt(next)).then(announce).catch(() => undefined);
    });
    return next;
  }

  async function run(target: Linked): Promise<void> {
    if (target.runner || linked !== target) return;
    target.runner = createSyncRunner({
      client: target.client,
      deps: options.deps,
      serverUrl: target.url,
      authHeaders: () => target.session.headers(),
      ...(options.openSocket ? { openSocket: options.openSocket } : {}),
      ...(options.intervalMs ? { intervalMs: options.intervalMs } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    target.runner.start();
  }

  async function halt(target: Linked): Promise<void> {
    const runner = target.runner;
    target.runner = null;
    lastStatus = { online: false, pending: 0, lastError: null };
    await runner?.stop();
  }

  async function unlink(signOut: boolean): Promise<void> {
    const old = linked;
    if (!old) return;
    linked = null;
    old.offSession();
    old.offStatus();
    // The client installed the screen pop's first fetch from its server: a standalone desk (or another server) asks nobody.
    delete options.deps.replica;
    await halt(old);
    if (signOut) await old.session.signOut();
  }

  return {
    async start() {
      const url = options.server.get();
      if (!url) return;
      linked = link(url);
      // Offline at start: the stored sign-in stands; the runner starts and backs off until the server answers.
      await linked.session.resume();
      if (linked.session.state().signedIn) await run(linked);
      await announce();
    },
    state,
    async setServer(url) {
      if (url === (linked?.url ?? null)) return state();
      await unlink(true);
      options.server.set(url);
      if (url) linked = link(url);
      await announce();
      return state();
    },
    async signIn(employeeNo, password) {
      if (!linked) return { ok: false, error: { code: 'conflict', message: 'Name the team server first.' } };
      const target = linked;
      const result = await target.session.signIn(employeeNo, password);
      if (!result.ok) return result;
      await run(target);
      return { ok: true, state: await state() };
    },
    async signOut() {
      if (linked) {
        const target = linked;
        await halt(target);
        await target.session.signOut();
      }
      await announce();
      return state();
    },
    onState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      stopped = true;
      offBus();
      if (announceTimer) clearTimeout(announceTimer);
      await unlink(false);
    },
  };
}
