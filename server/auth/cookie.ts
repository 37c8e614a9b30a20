import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';

/** The session cookie: an opaque random token; the server keeps only its sha256. */
export const SESSION_COOKIE = 'kept_session';

/** HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Path=/, Secure over https, expiring with the session. */
export function sessionCookieOptions(request: FastifyRequest, expiresAt?: Date): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: request.protocol === 'https',
    ...(expiresAt ? { expires: expiresAt } : {}),
  };
}

export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE];
}
