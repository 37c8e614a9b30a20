import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Core, deskFamilyActive } from '../main/core';
import type { Auth } from './auth/routes';
import type { RequestActor } from './auth/sessions';
import { SESSION_ENDED } from './auth/live-sockets';
import { sendError } from './rpc-routes';

/** How often an open socket checks that its session still stands (expiry); revocations close it at once. */
const RECHECK_MS = 60_000;

/**
 * GET /api/events (WebSocket): every committed change and alert, as `{ event, payload }`. Clients only
 * listen. The upgrade request passes the host guard (Host and Origin) like any other request: a
 * refused one gets a 403 answer, never a socket. Opening it needs a valid session (else `401` before
 * the upgrade); the socket closes with 4401 when its session ends: sign-out, expiry, or the account disabled.
 */
export function registerEventSocket(app: FastifyInstance, core: Core, auth: Auth): void {
  const actors = new WeakMap<FastifyRequest, RequestActor>();
  app.get(
    '/api/events',
    {
      websocket: true,
      preValidation: async (request, reply) => {
        const actor = await auth.resolveActor(request);
        if (!actor) return sendError(reply, { code: 'unauthenticated', message: 'Sign in first.' });
        actors.set(request, actor);
      },
    },
    (socket, request) => {
      const actor = actors.get(request);
      if (!actor) {
        socket.close(SESSION_ENDED, 'unauthenticated');
        return;
      }
      const end = () => socket.close(SESSION_ENDED, 'session ended');
      // A desk's socket outlives its 15-minute access token: it stands while the desk's sign-in (token family) does.
      const desk = actor.desk;
      const stillSignedIn = desk
        ? () => deskFamilyActive(core.deps, desk.familyId)
        : () => auth.resolveActor(request).then((now) => now?.agent.id === actor.agent.id);
      const recheck = () => {
        void stillSignedIn().then(
          (ok) => ok || end(),
          () => end(),
        );
      };
      const offBus = core.bus.on((event) => {
        // A change to this person's account (disabled, role, password) may have ended the session.
        if (event.event === 'changed' && event.payload.entity === 'agent' && event.payload.id === actor.agent.id) recheck();
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
      });
      const timer = setInterval(recheck, RECHECK_MS);
      timer.unref();
      const offLive = auth.liveSockets.add({
        agent: actor.agent,
        token: actor.token,
        ...(desk ? { familyId: desk.familyId } : {}),
        close: end,
      });
      const stop = () => {
        offBus();
        offLive();
        clearInterval(timer);
      };
      socket.on('close', stop);
      socket.on('error', stop);
      socket.on('message', () => socket.close(1003, 'read-only'));
    },
  );
}
