import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { type AppErrorShape, type Envelope, invalidInput } from '../shared';
import type { Core } from '../main/core';
import type { ActorResolver } from './auth/sessions';
import { HTTP_STATUS } from './http-status';

const Body = z.object({ input: z.unknown().optional(), mutationId: z.string().max(64).optional() }).strict();
const Params = z.object({ procedure: z.string().max(100) });

export function sendError(reply: FastifyReply, error: AppErrorShape): FastifyReply {
  const envelope: Envelope<never> = { ok: false, error };
  return reply.status(HTTP_STATUS[error.code]).send(envelope);
}

/**
 * POST /api/rpc/:procedure with `{ input, mutationId? }` → the same envelope the desktop's IPC returns.
 * The actor is the session cookie's person; without a valid session, `401 unauthenticated`.
 */
export function registerRpcRoutes(app: FastifyInstance, core: Core, resolveActor: ActorResolver): void {
  app.post('/api/rpc/:procedure', async (request, reply) => {
    const params = Params.safeParse(request.params);
    if (!params.success) return sendError(reply, invalidInput(params.error).toShape());
    const body = Body.safeParse(request.body ?? {});
    if (!body.success) return sendError(reply, { ...invalidInput(body.error).toShape(), code: 'bad_request' });

    const actor = await resolveActor(request);
    if (!actor) return sendError(reply, { code: 'unauthenticated', message: 'Sign in first.' });
    const envelope = await core.call(
      { procedure: params.data.procedure, input: body.data.input ?? {}, mutationId: body.data.mutationId },
      { actor: actor.agent },
    );
    return envelope.ok ? reply.send(envelope) : sendError(reply, envelope.error);
  });
}
