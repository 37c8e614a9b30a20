import type { FastifyInstance } from 'fastify';
import type { Core } from '../main/core';

/**
 * GET /api/events (WebSocket): every committed change and alert, as `{ event, payload }`. Clients only
 * listen. The upgrade request passes the host guard (Host and Origin) like any other request: a
 * refused one gets a 403 answer, never a socket.
 */
export function registerEventSocket(app: FastifyInstance, core: Core): void {
  app.get('/api/events', { websocket: true }, (socket) => {
    const off = core.bus.on((event) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
    });
    socket.on('close', off);
    socket.on('error', off);
    socket.on('message', () => socket.close(1003, 'read-only'));
  });
}
