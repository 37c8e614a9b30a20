import type { FastifyInstance } from 'fastify';
import type { Core } from '../main/core';
import { isSameOrigin } from './security-headers';

/** GET /api/events (WebSocket): every committed change and alert, as `{ event, payload }`. Clients only listen. */
export function registerEventSocket(app: FastifyInstance, core: Core): void {
  app.get('/api/events', { websocket: true }, (socket, request) => {
    if (!isSameOrigin(request)) {
      socket.close(1008, 'cross-origin');
      return;
    }
    const off = core.bus.on((event) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
    });
    socket.on('close', off);
    socket.on('error', off);
    socket.on('message', () => socket.close(1003, 'read-only'));
  });
}
