import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { type Agent, AUTH_PATHS, invalidInput, SignInRequest, type SignInResponse } from '../../shared';
import { type Core, signIn, signOut } from '../../main/core';
import { SESSION_COOKIE, sessionCookieOptions, sessionToken } from './cookie';
import { registerDeskAuth } from './desk-routes';
import { LiveSockets } from './live-sockets';
import { type RateLimit, rateLimited } from './rate-limited';
import { type ActorResolver, sessionActorResolver } from './sessions';

export interface AuthOptions {
  /** Test mode only: who a request without a session cookie acts as. */
  testActor?: () => Agent;
  /** Sign-in attempts per client address per window (default 30 a minute; a call centre behind one NAT signs in at shift start). */
  signInRateLimit?: RateLimit;
}

export interface Auth {
  resolveActor: ActorResolver;
  liveSockets: LiveSockets;
}

function send(reply: FastifyReply, status: number, body: SignInResponse): FastifyReply {
  return reply.status(status).header('Cache-Control', 'no-store').send(body);
}

/**
 * POST /api/auth/sign-in `{ employeeNo, password }` → the session cookie and the person;
 * POST /api/auth/sign-out → the session ends and its cookie is cleared. Sign-in is limited per
 * client address here and per account by core's lock-out.
 */
export async function registerAuth(app: FastifyInstance, core: Core, options: AuthOptions = {}): Promise<Auth> {
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  const liveSockets = new LiveSockets();
  const limit = options.signInRateLimit ?? { max: 30, timeWindowMs: 60_000 };

  app.post(AUTH_PATHS.signIn, rateLimited(limit, '{ "employeeNo": "…", "password": "…" }', 'sign-in attempts'), async (request, reply) => {
    const body = SignInRequest.safeParse(request.body ?? {});
    if (!body.success) return send(reply, 400, { ok: false, error: invalidInput(body.error).toShape() });
    const result = await signIn(core.deps, body.data.employeeNo, body.data.password);
    if (result.ok) {
      reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(request, new Date(result.expiresAt)));
      return send(reply, 200, { ok: true, value: result.agent });
    }
    if (result.reason === 'locked')
      return send(reply, 429, {
        ok: false,
        error: {
          code: 'rate_limited',
          message: 'Too many wrong passwords: this account is locked for a while.',
          issues: [{ path: 'employeeNo', message: 'locked' }],
          retryAt: result.until,
        },
      });
    return send(reply, 401, { ok: false, error: { code: 'unauthenticated', message: 'Wrong employee number or password.' } });
  });

  app.post(AUTH_PATHS.signOut, async (request, reply) => {
    const token = sessionToken(request);
    if (token !== undefined) {
      await signOut(core.deps, token);
      liveSockets.closeSession(token);
    }
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
    return reply.header('Cache-Control', 'no-store').send({ ok: true, value: null });
  });

  registerDeskAuth(app, core, { limit, liveSockets });

  return { resolveActor: sessionActorResolver(core, options.testActor), liveSockets };
}
