import type { Agent, AppErrorShape, DeskSyncState } from '../../shared';
import { adoptServerPerson, type CoreDeps } from '../core';
import { createSyncClient, type SyncClient, type SyncStatus } from './client';
import { type PersonSecretStore, unboundSecret } from './person-secrets';
import { createSyncRunner, type SyncRunner, type SyncRunnerOptions } from './runner';
import { createTokenSession, type SecretStore as TokenSessionSecrets, type TokenSession } from './token-session';

export interface DeskConnectionOptions {
  /** The desk's core (`outbox: true`). */
  deps: CoreDeps;
  /** Where the desk keeps its server's address (desk settings); null: standalone. */
  server: { get(): string | null; set(url: string | null): void };
  /** Where each person's refresh token lives between starts (Electron safeStorage on the desktop). */
  secrets: PersonSecretStore;
  fetch?: typeof fetch;
  openSocket?: SyncRunnerOptions['openSocket'];
  /** How often the runner pulls without pokes. */
  intervalMs?: number;
  clock?: () => number;
}

export type DeskSignInOutcome =
  { ok: true; state: DeskSyncState; agent: Agent } | { ok: false; error: AppErrorShape & { retryAt?: string } };

export interface DeskConnection {
  /** At start: with a server, resumes every stored sign-in and starts syncing. */
  start(): Promise<void>;
  state(): Promise<DeskSyncState>;
  /** Names the server (or none: standalone). A change of server ends every sign-in at the old one. */
  setServer(url: string | null): Promise<DeskSyncState>;
  /**
   * Signs a person in with their server password: their tokens are kept (keyed by their account's id),
   * their agent row is written into the desk's database under the server's id, with `pin` bound to it
   * when given, and they become the person at the desk.
   */
  signIn(employeeNo: string, password: string, pin?: string): Promise<DeskSignInOutcome>;
  /** The person now at the desk (a PIN unlock), or null; true when they have a live sign-in here. */
  switchTo(agentId: string | null): boolean;
  /** Whether this person signed in on this desk and their sign-in stands. */
  hasSignIn(agentId: string): boolean;
  /** Ends the sign-in of the person at the desk; the others' stand. */
  signOut(): Promise<DeskSyncState>;
  /** Called with the new state whenever it may have changed (status, sign-in, server). */
  onState(listener: (state: DeskSyncState) => void): () => void;
  stop(): Promise<void>;
}

interface Person {
  session: TokenSession;
  off: () => void;
}

interface Linked {
  url: string;
  people: Map<string, Person>;
  client: SyncClient;
  runner: SyncRunner | null;
  offStatus: () => void;
}

/**
 * The desktop's link to its team server, without Electron. With a server, each person at the desk is
 * their server account: every one who signed in here has their own token session, and the sync client
 * pushes each person's writes with that person's token (the server checks the actor of every write).
 * Pulls, customer fetches and the event socket use the person at the desk, else anyone signed in. The
 * runner runs while a server is named and someone's sign-in stands. Without a server the desk stays
 * standalone: nothing here touches the network.
 */
export function createDeskConnection(options: DeskConnectionOptions): DeskConnection {
  const listeners = new Set<(state: DeskSyncState) => void>();
  let linked: Linked | null = null;
  let atDesk: string | null = null;
  let lastStatus: SyncStatus = { online: false, pending: 0, lastError: null };

  async function pendingCount(): Promise<number> {
    const row = await options.deps.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  const live = (target: Linked, id: string | null): TokenSession | null => {
    const session = id ? target.people.get(id)?.session : undefined;
    return session?.state().signedIn ? session : null;
  };
  /** Whose token pulls and listens: the person at the desk, else anyone still signed in. */
  const leadId = (target: Linked): string | null => {
    if (live(target, atDesk)) return atDesk;
    for (const id of target.people.keys()) if (live(target, id)) return id;
    return null;
  };
  const lead = (target: Linked): TokenSession | null => live(target, leadId(target));

  /** Resumed offline, the server has not said who the token is yet: the desk's own row of that person. */
  async function localPerson(id: string): Promise<{ employeeNo: string; name: string } | null> {
    const row = await options.deps.db.selectFrom('agents').select(['employee_no', 'name']).where('id', '=', id).executeTakeFirst();
    return row ? { employeeNo: row.employee_no, name: row.name } : null;
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
    // The person at the desk; while nobody is (locked, or just started), whoever's sign-in carries the sync.
    const id = atDesk ? (live(linked, atDesk) ? atDesk : null) : leadId(linked);
    const session = id ? live(linked, id)?.state() : undefined;
    const running = linked.runner !== null;
    return {
      serverUrl: linked.url,
      signedIn: session?.signedIn ?? false,
      person: session?.agent
        ? { employeeNo: session.agent.employeeNo, name: session.agent.name }
        : session && id
          ? await localPerson(id)
          : null,
      remembered: options.secrets.persistent,
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

  function newSession(url: string, secrets: TokenSessionSecrets): TokenSession {
    return createTokenSession({
      serverUrl: url,
      clientId: options.deps.clientId,
      secrets,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    });
  }

  function link(url: string): Linked {
    const people = new Map<string, Person>();
    const next: Linked = { url, people, client: null as unknown as SyncClient, runner: null, offStatus: () => undefined };
    const unsigned: typeof fetch = () => Promise.reject(new TypeError('Nobody is signed in on this desk.'));
    next.client = createSyncClient({
      deps: options.deps,
      serverUrl: url,
      fetch: (input, init) => (lead(next)?.fetch ?? unsigned)(input, init),
      fetchFor: (actorId) => live(next, actorId)?.fetch ?? null,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    next.offStatus = next.client.onStatus((status) => {
      lastStatus = status;
      void announce().catch(() => undefined);
    });
    return next;
  }

  /** Adds a person's session; when the server ends it (revoked, disabled, reused token) only their writes wait. */
  function admit(target: Linked, id: string, session: TokenSession): void {
    const off = session.onChange(() => {
      void (lead(target) ? run(target) : halt(target)).then(announce).catch(() => undefined);
    });
    target.people.set(id, { session, off });
  }

  async function run(target: Linked): Promise<void> {
    if (target.runner || linked !== target) return;
    target.runner = createSyncRunner({
      client: target.client,
      deps: options.deps,
      serverUrl: target.url,
      authHeaders: async () => (await lead(target)?.headers()) ?? {},
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
    old.offStatus();
    for (const person of old.people.values()) person.off();
    // The client installed the screen pop's first fetch from its server: a standalone desk (or another server) asks nobody.
    delete options.deps.replica;
    await halt(old);
    if (signOut) for (const person of old.people.values()) await person.session.signOut();
  }

  return {
    async start() {
      const url = options.server.get();
      if (!url) return;
      const target = (linked = link(url));
      for (const id of await options.secrets.people()) {
        const session = newSession(url, options.secrets.of(id));
        admit(target, id, session);
        // Offline at start: the stored sign-in stands; the runner starts and backs off until the server answers.
        await session.resume();
      }
      if (lead(target)) await run(target);
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
    async signIn(employeeNo, password, pin) {
      if (!linked) return { ok: false, error: { code: 'conflict', message: 'Name the team server first.' } };
      const target = linked;
      const secrets = unboundSecret(options.secrets);
      const session = newSession(target.url, secrets);
      const result = await session.signIn(employeeNo, password);
      if (!result.ok) return result;
      const agent = result.agent;
      try {
        await adoptServerPerson(options.deps, agent, pin);
      } catch (error) {
        // Not a person this desk can act as (an employee number held by a local profile): nothing is kept.
        await session.signOut();
        throw error;
      }
      // Signing in again as the same person ends their earlier sign-in here, not left valid for 30 days.
      const earlier = target.people.get(agent.id);
      if (earlier) {
        earlier.off();
        target.people.delete(agent.id);
        await earlier.session.signOut();
      }
      await secrets.bind(agent.id);
      admit(target, agent.id, session);
      atDesk = agent.id;
      // A runner already running for someone else: this person's held writes go now, not at the next write.
      if (target.runner) void target.runner.syncNow().catch(() => undefined);
      else await run(target);
      await announce();
      return { ok: true, state: await state(), agent };
    },
    switchTo(agentId) {
      atDesk = agentId;
      void announce().catch(() => undefined);
      return linked !== null && agentId !== null && live(linked, agentId) !== null;
    },
    hasSignIn(agentId) {
      return linked !== null && live(linked, agentId) !== null;
    },
    async signOut() {
      const target = linked;
      // The person at the desk; while nobody is, the one whose sign-in the desk shows.
      const who = target ? (atDesk ?? leadId(target)) : null;
      const person = target && who ? target.people.get(who) : undefined;
      if (target && who && person) {
        person.off();
        target.people.delete(who);
        await person.session.signOut();
        if (!lead(target)) await halt(target);
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
