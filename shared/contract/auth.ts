import { z } from 'zod';
import { Agent } from '../domain/entities';
import { IsoTime } from '../domain/values';
import { AppErrorShape } from './errors';

/**
 * Signing in to the browser console. Transport, not a procedure: `POST /api/auth/sign-in` sets the
 * session cookie, `POST /api/auth/sign-out` ends it. The desktop signs in locally.
 */
export const AUTH_PATHS = { signIn: '/api/auth/sign-in', signOut: '/api/auth/sign-out' } as const;

export const SignInRequest = z
  .object({
    employeeNo: z.string().trim().min(1, 'required').max(20, 'too_long'),
    password: z.string().min(1, 'required').max(200, 'too_long'),
  })
  .strict();
export type SignInRequest = z.infer<typeof SignInRequest>;

/**
 * The answer: the signed-in person, or a typed failure. `unauthenticated` means wrong employee number
 * or password (never which of the two); `rate_limited` with `retryAt` means locked or throttled until then.
 */
export const SignInResponse = z.union([
  z.object({ ok: z.literal(true), value: Agent }),
  z.object({ ok: z.literal(false), error: AppErrorShape.extend({ retryAt: IsoTime.optional() }) }),
]);
export type SignInResponse = z.infer<typeof SignInResponse>;

/**
 * Desks signing in against the team server (`server/auth/desk-routes.ts`). A desk gets a short-lived
 * access token, sent as `Authorization: Bearer …`, and a refresh token it trades for a new pair
 * (each refresh token works once). Both are bound to the desk's client id.
 */
export const DESK_AUTH_PATHS = {
  signIn: '/api/auth/desk/sign-in',
  refresh: '/api/auth/desk/refresh',
  signOut: '/api/auth/desk/sign-out',
} as const;

const DeskClientId = z.string().min(1).max(100);
/** `kda_` (access) or `kdr_` (refresh) and 43 base64url characters; anything else is refused unread. */
export const DeskToken = z.string().regex(/^kd[ar]_[A-Za-z0-9_-]{43}$/, 'malformed');

export const DeskSignInRequest = SignInRequest.extend({ clientId: DeskClientId }).strict();
export type DeskSignInRequest = z.infer<typeof DeskSignInRequest>;

export const DeskRefreshRequest = z.object({ refreshToken: DeskToken }).strict();
export type DeskRefreshRequest = z.infer<typeof DeskRefreshRequest>;

export const DeskSignOutRequest = z.object({ token: DeskToken }).strict();
export type DeskSignOutRequest = z.infer<typeof DeskSignOutRequest>;

export const DeskTokenPair = z.object({
  agent: Agent,
  clientId: DeskClientId,
  accessToken: DeskToken,
  accessExpiresAt: IsoTime,
  refreshToken: DeskToken,
  refreshExpiresAt: IsoTime,
});
export type DeskTokenPair = z.infer<typeof DeskTokenPair>;

/** Sign-in and refresh answer the same way: the pair, or a typed failure (`unauthenticated`, `rate_limited` with `retryAt`). */
export const DeskTokenResponse = z.union([
  z.object({ ok: z.literal(true), value: DeskTokenPair }),
  z.object({ ok: z.literal(false), error: AppErrorShape.extend({ retryAt: IsoTime.optional() }) }),
]);
export type DeskTokenResponse = z.infer<typeof DeskTokenResponse>;
