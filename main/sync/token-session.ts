import { type Agent, type AppErrorShape, DESK_AUTH_PATHS, type DeskTokenPair, DeskTokenResponse } from '../../shared';

/**
 * Where a desk keeps its refresh token between starts. The desktop's is Electron `safeStorage`
 * (`main/app/secret-store.ts`); where the OS offers no real encryption it keeps the token in memory
 * only (`persistent: false`) and the person types the password again at the next start.
 */
export interface SecretStore {
  /** True when `set` survives a restart (encrypted by the OS); false: memory only. */
  readonly persistent: boolean;
  get(): Promise<string | null>;
  set(secret: string): Promise<void>;
  clear(): Promise<void>;
}

/** A store that forgets on quit: the fallback, and what tests use. */
export function memorySecretStore(): SecretStore {
  let secret: string | null = null;
  return {
    persistent: false,
    get: async () => secret,
    set: async (value) => {
      secret = value;
    },
    clear: async () => {
      secret = null;
    },
  };
}

export type SignInOutcome = { ok: true; agent: Agent } | { ok: false; error: AppErrorShape & { retryAt?: string } };

export interface TokenSessionState {
  /** Signed in: there is a refresh token to act with. */
  signedIn: boolean;
  agent: Agent | null;
  /** The sign-in is kept across restarts (the secret store is persistent). */
  remembered: boolean;
}

export interface TokenSessionOptions {
  /** The team server, e.g. `https://kept.example.cn`. */
  serverUrl: string;
  /** This desk's client id: the tokens are bound to it. */
  clientId: string;
  secrets: SecretStore;
  fetch?: typeof fetch;
  /** Milliseconds since the epoch. */
  clock?: () => number;
  /** Refresh this long before the access token runs out (default 60 s). */
  refreshMarginMs?: number;
}

export interface TokenSession {
  signIn(employeeNo: string, password: string): Promise<SignInOutcome>;
  /** At start: trades a stored refresh token for a fresh pair. True when that signed the desk in. */
  resume(): Promise<boolean>;
  /** Revokes the sign-in on the server (best effort) and forgets it here. */
  signOut(): Promise<void>;
  state(): TokenSessionState;
  /** `Authorization` for a request or the event socket, refreshed first when due; `{}` when signed out. */
  headers(): Promise<Record<string, string>>;
  /** fetch with the desk's token; a 401 refreshes once and retries. For the sync client. */
  fetch: typeof fetch;
  onChange(listener: (state: TokenSessionState) => void): () => void;
}

/** The server could not be reached (or answered without a typed answer): the sign-in stands, try later. */
export class ServerUnreachable extends Error {}

/**
 * A desk's sign-in against the team server. The access token lives in memory only; the refresh token
 * only in the SecretStore. Refreshes are one at a time: two callers that find the token due share one
 * refresh, because the server treats a second use of a refresh token as theft and ends the sign-in.
 */
export function createTokenSession(options: TokenSessionOptions): TokenSession {
  const doFetch = options.fetch ?? fetch;
  const clock = options.clock ?? Date.now;
  const margin = options.refreshMarginMs ?? 60_000;
  const listeners = new Set<(state: TokenSessionState) => void>();
  let access: { token: string; expiresAt: number } | null = null;
  let agent: Agent | null = null;
  let hasRefresh = false;
  let refreshing: Promise<boolean> | null = null;

  const state = (): TokenSessionState => ({
    signedIn: hasRefresh,
    agent: hasRefresh ? agent : null,
    remembered: options.secrets.persistent,
  });
  const changed = () => {
    const now = state();
    for (const listener of listeners) listener(now);
  };

  async function postAuth(path: string, body: unknown): Promise<{ status: number; answer: DeskTokenResponse }> {
    let response: Response;
    try {
      response = await doFetch(new URL(path, options.serverUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (error) {
      throw new ServerUnreachable(error instanceof Error ? error.message : String(error));
    }
    const parsed = DeskTokenResponse.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new ServerUnreachable(`The server answered ${response.status} without a typed answer.`);
    return { status: response.status, answer: parsed.data };
  }

  async function adopt(pair: DeskTokenPair): Promise<void> {
    await options.secrets.set(pair.refreshToken);
    access = { token: pair.accessToken, expiresAt: Date.parse(pair.accessExpiresAt) };
    agent = pair.agent;
    hasRefresh = true;
    changed();
  }

  async function forget(): Promise<void> {
    const was = hasRefresh;
    access = null;
    agent = null;
    hasRefresh = false;
    await options.secrets.clear();
    if (was) changed();
  }

  /** One refresh at a time. False: the server ended the sign-in (now forgotten). Throws ServerUnreachable. */
  function refresh(): Promise<boolean> {
    refreshing ??= (async () => {
      try {
        const refreshToken = await options.secrets.get();
        if (!refreshToken) {
          await forget();
          return false;
        }
        const { answer } = await postAuth(DESK_AUTH_PATHS.refresh, { refreshToken });
        if (answer.ok) {
          await adopt(answer.value);
          return true;
        }
        // Throttled or the server is down for a moment: the sign-in stands.
        if (answer.error.code === 'rate_limited' || answer.error.code === 'unavailable' || answer.error.code === 'internal')
          throw new ServerUnreachable(answer.error.message);
        await forget();
        return false;
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  /** Ends a sign-in at the server; best effort (offline, the token still expires unused). */
  async function revoke(token: string): Promise<void> {
    await doFetch(new URL(DESK_AUTH_PATHS.signOut, options.serverUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    }).catch(() => undefined);
  }

  async function currentToken(): Promise<string | null> {
    if (!hasRefresh) return null;
    if (access && access.expiresAt - margin > clock()) return access.token;
    try {
      return (await refresh()) && access ? access.token : null;
    } catch (error) {
      // Refresh throttled or unreachable inside the margin: the token still works until it expires.
      if (error instanceof ServerUnreachable && access && access.expiresAt > clock()) return access.token;
      throw error;
    }
  }

  const authFetch: typeof fetch = async (input, init) => {
    const send = (token: string | null) => {
      const headers = new Headers(init?.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      return doFetch(input, { ...init, headers });
    };
    const token = await currentToken();
    const response = await send(token);
    if (response.status !== 401 || !token) return response;
    // Revoked or expired early (a clock apart from the server's): one refresh, one retry.
    if (access?.token === token) access = null;
    return send(await currentToken());
  };

  return {
    async signIn(employeeNo, password) {
      const previous = await options.secrets.get();
      let result;
      try {
        result = await postAuth(DESK_AUTH_PATHS.signIn, { employeeNo, password, clientId: options.clientId });
      } catch (error) {
        if (!(error instanceof ServerUnreachable)) throw error;
        return { ok: false, error: { code: 'unavailable', message: error.message } };
      }
      if (!result.answer.ok) return result.answer;
      await adopt(result.answer.value);
      // Signing in again (another person at this desk): the earlier sign-in is ended, not left valid for 30 days.
      if (previous) await revoke(previous);
      return { ok: true, agent: result.answer.value.agent };
    },
    async resume() {
      if (!(await options.secrets.get())) return false;
      hasRefresh = true;
      try {
        return await refresh();
      } catch (error) {
        // Offline at start: the stored sign-in stands and is tried again on the next call.
        if (error instanceof ServerUnreachable) return false;
        throw error;
      }
    },
    async signOut() {
      const token = (await options.secrets.get()) ?? access?.token;
      await forget();
      if (token) await revoke(token);
    },
    state,
    async headers(): Promise<Record<string, string>> {
      const token = await currentToken().catch((error: unknown) => {
        if (error instanceof ServerUnreachable) return null;
        throw error;
      });
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    fetch: authFetch,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
