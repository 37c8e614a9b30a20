import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type Core, tickCommitments } from '../main/core';
import { isLoopbackAddress } from './host-guard';
import { sendError } from './rpc-routes';

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
 * with --test-clock (and the server says so at start), and answered only to a peer on this machine.
 */
export function registerTestClock(app: FastifyInstance, core: Core, advance: (ms: number) => void): void {
  app.post('/api/test/clock', async (request, reply) => {
    if (!isLoopbackAddress(request.socket.remoteAddress))
      return sendError(reply, { code: 'forbidden', message: 'The test clock answers only on this machine.' });
    const body = Body.safeParse(request.body ?? {});
    if (!body.success) return sendError(reply, { code: 'bad_request', message: 'Send { "advanceMinutes": n }.' });
    advance(body.data.advanceMinutes * 60_000);
    const tick = await tickCommitments(core.deps);
    return { now: core.deps.now().toISOString(), ...tick };
  });
}

export const TEST_CLOCK_WARNING =
  "WARNING: the test clock is on (--test-clock): anyone on this machine can move this server's time. Never use it with real data.";
