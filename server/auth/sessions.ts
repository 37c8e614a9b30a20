import type { FastifyRequest } from 'fastify';
import type { Agent } from '../../shared';
import { type Core, resolveSession } from '../../main/core';
import { sessionToken } from './cookie';

export interface RequestActor {
  agent: Agent;
  /** The session token it came with; undefined for the test-mode actor. */
  token: string | undefined;
}

/** Who is calling: the person behind a valid session cookie, or null. Nothing in the request body or headers can name them. */
export type ActorResolver = (request: FastifyRequest) => Promise<RequestActor | null>;

/**
 * Resolves the session cookie. `testActor` (test mode only: `--agent` with `--test-clock`) is who a
 * request *without* a cookie acts as; a cookie that is presented and not valid is refused either way.
 */
export function sessionActorResolver(core: Core, testActor?: () => Agent): ActorResolver {
  return async (request) => {
    const token = sessionToken(request);
    if (token === undefined) return testActor ? { agent: testActor(), token: undefined } : null;
    const session = await resolveSession(core.deps, token);
    return session ? { agent: session.agent, token } : null;
  };
}
