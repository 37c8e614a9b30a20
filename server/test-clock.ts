import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type Core, tickCommitments } from '../main/core';
import { sendError } from './rpc-routes';
import { isSameOrigin } from './security-headers';

/** A movable clock: real time plus an offset that only tests advance. */
export function movableClock(): { now: () => Date; advance: (ms: number) => void } {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms) => (offset += ms) };
}

const Body = z
  .object({
    advanceMinutes: z
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 365),
  })
  .strict();

/**
 * POST /api/test/clock `{ advanceMinutes }`: moves the server's clock and runs the commitment clock
 * at once, so an end-to-end test sees a promise fall due and break without waiting. Registered only
 * with --test-clock.
 */
export function registerTestClock(app: FastifyInstance, core: Core, advance: (ms: number) => void): void {
  app.post('/api/test/clock', async (request, reply) => {
    if (!isSameOrigin(request)) return sendError(reply, { code: 'forbidden', message: 'Cross-origin calls are not allowed.' });
    const body = Body.safeParse(request.body ?? {});
    if (!body.success) return sendError(reply, { code: 'bad_request', message: 'Send { "advanceMinutes": n }.' });
    advance(body.data.advanceMinutes * 60_000);
    const tick = await tickCommitments(core.deps);
    return { now: core.deps.now().toISOString(), ...tick };
  });
}
