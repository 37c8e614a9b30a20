import type { FastifyRequest } from 'fastify';
import type { Agent } from '../../shared';
import { type Core, resolveDeskAccess, resolveSession } from '../../main/core';
import { sessionToken } from './cookie';

export interface RequestActor {
  agent: Agent;
  /** The session token it came with; undefined for the test-mode actor and for desks. */
  token: string | undefined;
  /** A desk's bearer token: the desk (client id) and token family it is bound to. */
  desk?: { clientId: string; familyId: string };
}

/** Who is calling: the person behind a valid session cookie or desk access token, or null. Nothing in the request body can name them. */
export type ActorResolver = (request: FastifyRequest) => Promise<RequestActor | null>;

const BEARER = /^Bearer ([^\s]+)$/;

/** The `Authorization: Bearer` token: undefined when there is no such header, '' when it is there but not a bearer token. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  return BEARER.exec(header)?.[1] ?? '';
}

/**
 * Resolves a desk's `Authorization: Bearer` access token, else the session cookie. `testActor` (test
 * mode only: `--agent` with `--test-clock`) is who a request with *neither* acts as; a credential that
 * is presented and not valid is refused either way.
 */
export function sessionActorResolver(core: Core, testActor?: () => Agent): ActorResolver {
  return async (request) => {
    const bearer = bearerToken(request);
    if (bearer !== undefined) {
      const access = await resolveDeskAccess(core.deps, bearer);
      return access ? { agent: access.agent, token: undefined, desk: { clientId: access.clientId, familyId: access.familyId } } : null;
    }
    const token = sessionToken(request);
    if (token === undefined) return testActor ? { agent: testActor(), token: undefined } : null;
    const session = await resolveSession(core.deps, token);
    return session ? { agent: session.agent, token } : null;
  };
}
