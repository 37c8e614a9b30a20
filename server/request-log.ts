import type { FastifyInstance, FastifyRequest } from 'fastify';
import { procedures } from '../shared';

const started = new WeakMap<FastifyRequest, bigint>();

/** The procedure a request names, when it is one of the contract's; never free text from the URL. */
function procedureOf(request: FastifyRequest): string | undefined {
  const name = (request.params as { procedure?: unknown } | undefined)?.procedure;
  return typeof name === 'string' && Object.hasOwn(procedures, name) ? name : undefined;
}

/**
 * One line per answered request: method, the route's pattern (or the procedure's name), status and
 * duration. Never the URL as sent, its query string, a header or a body: those carry phone numbers
 * and what agents typed. An unknown procedure or path is logged as such, not spelled out.
 */
export function registerRequestLog(app: FastifyInstance, write: (line: string) => void): void {
  app.addHook('onRequest', async (request) => {
    started.set(request, process.hrtime.bigint());
  });
  app.addHook('onResponse', async (request, reply) => {
    const start = started.get(request);
    const ms = start === undefined ? 0 : Number(process.hrtime.bigint() - start) / 1e6;
    const procedure = procedureOf(request);
    const route = request.routeOptions.url ?? '(no route)';
    const what = procedure ?? (route === '/api/rpc/:procedure' ? '(unknown procedure)' : route);
    write(
      JSON.stringify({
        at: new Date().toISOString(),
        method: request.method,
        route: what,
        status: reply.statusCode,
        ms: Math.round(ms * 10) / 10,
      }),
    );
  });
}
