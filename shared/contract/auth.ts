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
