import { type Agent, AUTH_PATHS, BRIDGE_KEY, SignInResponse } from '../../../../shared';

/** Why signing in did not work, in the terms the page shows. */
export type SignInFailure =
  | { kind: 'wrong' }
  | { kind: 'locked'; retryAt: string | null }
  | { kind: 'rate_limited'; retryAt: string | null }
  | { kind: 'unreachable' }
  | { kind: 'failed' };

export type SignInOutcome = { ok: true; agent: Agent } | ({ ok: false } & SignInFailure);

/** Signing in and out of the browser host (`/api/auth/*`). The desktop has none: it has its own actor. */
export interface AuthApi {
  signIn(employeeNo: string, password: string): Promise<SignInOutcome>;
  signOut(): Promise<void>;
}

const TIMEOUT_MS = 20_000;

export function createAuthApi(baseUrl: string, doFetch: typeof fetch = globalThis.fetch.bind(globalThis)): AuthApi {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    async signIn(employeeNo, password) {
      let response: Response;
      try {
        response = await doFetch(`${base}${AUTH_PATHS.signIn}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ employeeNo, password }),
          credentials: 'same-origin',
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch {
        return { ok: false, kind: 'unreachable' };
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return { ok: false, kind: response.status >= 502 && response.status <= 504 ? 'unreachable' : 'failed' };
      }
      const parsed = SignInResponse.safeParse(body);
      if (!parsed.success) return { ok: false, kind: 'failed' };
      if (parsed.data.ok) return { ok: true, agent: parsed.data.value };
      const { error } = parsed.data;
      if (error.code === 'unauthenticated') return { ok: false, kind: 'wrong' };
      if (error.code === 'rate_limited') {
        const locked = (error.issues ?? []).some((i) => i.message === 'locked');
        return { ok: false, kind: locked ? 'locked' : 'rate_limited', retryAt: error.retryAt ?? null };
      }
      if (error.code === 'invalid_input') return { ok: false, kind: 'wrong' };
      if (error.code === 'unavailable') return { ok: false, kind: 'unreachable' };
      return { ok: false, kind: 'failed' };
    },
    async signOut() {
      try {
        await doFetch(`${base}${AUTH_PATHS.signOut}`, {
          method: 'POST',
          credentials: 'same-origin',
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch {
        // Signing out of a server that cannot be reached: the page still forgets the person; the session expires on its own.
      }
    },
  };
}

/** In a browser, the page's own origin; in the desktop (the preload's bridge on window), none. */
export function chooseAuth(win: Window = window): AuthApi | null {
  return BRIDGE_KEY in win ? null : createAuthApi(win.location.origin);
}
