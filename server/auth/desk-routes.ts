import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  DESK_AUTH_PATHS,
  DeskRefreshRequest,
  DeskSignInRequest,
  DeskSignOutRequest,
  type DeskTokenResponse,
  invalidInput,
} from '../../shared';
import { type Core, refreshDeskTokens, signInDesk, signOutDesk } from '../../main/core';
import { sendError } from '../rpc-routes';
import type { LiveSockets } from './live-sockets';
import { type RateLimit, rateLimited } from './rate-limited';

export interface DeskAuthOptions {
  /** Requests per client address per window, for sign-in and refresh alike. */
  limit: RateLimit;
  liveSockets: LiveSockets;
}

function send(reply: FastifyReply, status: number, body: DeskTokenResponse): FastifyReply {
  return reply.status(status).header('Cache-Control', 'no-store').send(body);
}

/**
 * Desks sign in against the team server (`shared/contract/auth.ts`, DESK_AUTH_PATHS):
 * - sign-in `{ employeeNo, password, clientId }` → an access token (Bearer, 15 min) and a refresh token;
 * - refresh `{ refreshToken }` → a new pair; the old refresh token is spent, and a spent one presented
 *   again revokes the sign-in (every token of it) — whoever holds a copy is out, and so is the desk;
 * - sign-out `{ token }` (either token) → every token of that sign-in revoked, its sockets closed.
 * Sign-in and refresh share the browser sign-in's per-address limit; the password's lock-out applies.
 */
export function registerDeskAuth(app: FastifyInstance, core: Core, options: DeskAuthOptions): void {
  app.post(
    DESK_AUTH_PATHS.signIn,
    rateLimited(options.limit, '{ "employeeNo": "…", "password": "…", "clientId": "…" }'),
    async (request, reply) => {
      const body = DeskSignInRequest.safeParse(request.body ?? {});
      if (!body.success) return send(reply, 400, { ok: false, error: invalidInput(body.error).toShape() });
      const result = await signInDesk(core.deps, body.data.employeeNo, body.data.password, body.data.clientId);
      if (result.ok) return send(reply, 200, { ok: true, value: result.tokens });
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
    },
  );

  app.post(DESK_AUTH_PATHS.refresh, rateLimited(options.limit, '{ "refreshToken": "…" }'), async (request, reply) => {
    const body = DeskRefreshRequest.safeParse(request.body ?? {});
    if (!body.success) return send(reply, 400, { ok: false, error: invalidInput(body.error).toShape() });
    const tokens = await refreshDeskTokens(core.deps, body.data.refreshToken);
    if (tokens) return send(reply, 200, { ok: true, value: tokens });
    return send(reply, 401, { ok: false, error: { code: 'unauthenticated', message: 'This desk’s sign-in has ended: sign in again.' } });
  });

  app.post(DESK_AUTH_PATHS.signOut, async (request, reply) => {
    const body = DeskSignOutRequest.safeParse(request.body ?? {});
    if (!body.success) return sendError(reply, invalidInput(body.error).toShape());
    const family = await signOutDesk(core.deps, body.data.token);
    if (family) options.liveSockets.closeFamily(family);
    return reply.header('Cache-Control', 'no-store').send({ ok: true, value: null });
  });
}
