import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { type Agent, DRAFT_MAX_CHARS } from '../shared';
import type { Core } from '../main/core';
import { type AuthOptions, registerAuth } from './auth/routes';
import { registerEventSocket } from './event-socket';
import { registerHostGuard } from './host-guard';
import { registerRequestLog } from './request-log';
import { registerRpcRoutes, sendError } from './rpc-routes';
import { setSecurityHeaders } from './security-headers';
import { registerSyncRoutes } from './sync-routes';
import { registerSurveyWebhook } from './survey-webhook';

export interface ServerOptions {
  core: Core;
  /**
   * Test mode only (`--agent` with `--test-clock`): who a request without a session cookie acts as.
   * Omitted, every call needs a signed-in session (`server/auth/`).
   */
  resolveActor?: () => Agent;
  /** Sign-in attempts allowed per client address and window. */
  signInRateLimit?: AuthOptions['signInRateLimit'];
  /** The built renderer (out/renderer); omitted, only the API is served. */
  rendererDir?: string;
  bodyLimitBytes?: number;
  logger?: boolean;
  /** The Host names the server answers to (`host` or `host:port`); default: loopback on the listening port. */
  allowedHosts?: readonly string[];
  /** One line per answered request (method, route or procedure, status, duration); omitted, nothing is logged. */
  logRequest?: (line: string) => void;
  /** The secret the SMS gateway signs survey answers with; without it the survey webhook answers `unavailable`. */
  surveySecret?: string;
}

/**
 * The largest input the contract accepts is a draft of DRAFT_MAX_CHARS UTF-16 units. JSON can carry
 * any unit in at most 6 bytes (`\u0001`, a lone surrogate); UTF-8 needs at most 3 per unit (4 per
 * surrogate pair). So a draft the console accepts always fits, with room for the envelope; anything
 * bigger is refused with `payload_too_large`.
 */
export const DEFAULT_BODY_LIMIT = DRAFT_MAX_CHARS * 6 + 16 * 1024;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT });

  app.addHook('onSend', async (request, reply, payload) => {
    setSecurityHeaders(reply, request.url);
    // Answers carry customers' data: no browser or proxy cache keeps them.
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  // Fastify's own failures (bad JSON, body too large, wrong content type) become typed envelopes.
  app.setErrorHandler((error: { statusCode?: number; code?: string }, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) return sendError(reply, { code: 'payload_too_large', message: 'The request is too large.' });
    if (status === 415) return sendError(reply, { code: 'bad_request', message: 'Send JSON (Content-Type: application/json).' });
    if (status >= 400 && status < 500) return sendError(reply, { code: 'bad_request', message: 'The request body is not valid JSON.' });
    app.log.error(error);
    return sendError(reply, { code: 'internal', message: 'Something went wrong on our side. Nothing was changed.' });
  });

  // JSON only: a cross-site form or text/plain post cannot reach a procedure without a CORS preflight.
  app.removeContentTypeParser('text/plain');
  await app.register(fastifyWebsocket, { options: { maxPayload: 1024 } });
  // After the WebSocket plugin: its own onRequest hook marks an upgrade first, so a refused upgrade's socket is closed.
  if (options.logRequest) registerRequestLog(app, options.logRequest);
  registerHostGuard(app, options.allowedHosts);
  const auth = await registerAuth(app, options.core, {
    ...(options.resolveActor ? { testActor: options.resolveActor } : {}),
    ...(options.signInRateLimit ? { signInRateLimit: options.signInRateLimit } : {}),
  });
  registerRpcRoutes(app, options.core, auth.resolveActor);
  registerSyncRoutes(app, options.core, auth.resolveActor);
  registerEventSocket(app, options.core, auth);
  registerSurveyWebhook(app, options.core, options.surveySecret);
  app.get('/api/health', async () => ({ ok: true }));

  const rendererDir = options.rendererDir;
  if (rendererDir && existsSync(rendererDir)) {
    // wildcard: files are looked up per request, so a rebuilt renderer is served without a restart.
    await app.register(fastifyStatic, { root: rendererDir, index: ['index.html'], wildcard: true });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/'))
      return sendError(reply, { code: 'unknown_procedure', message: `No such endpoint: ${request.method} ${request.url.split('?')[0]}` });
    // The console is one page; any other path gets it, so a reload never 404s.
    if (rendererDir && existsSync(rendererDir) && request.method === 'GET') return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send({ ok: false, error: { code: 'not_found', message: 'Not found.' } });
  });
  return app;
}
