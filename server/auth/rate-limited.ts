import type { FastifyError, RouteShorthandOptions } from 'fastify';
import { sendError } from '../rpc-routes';

export interface RateLimit {
  max: number;
  timeWindowMs: number;
}

/**
 * Route options for the sign-in routes (browser and desk): `@fastify/rate-limit` per client address,
 * answered as a typed `rate_limited` with `retryAt`; a body too large or not JSON is said plainly,
 * with `example` showing what to send. Answers carry `Cache-Control: no-store` like the routes' own.
 */
export function rateLimited(limit: RateLimit, example: string, what = 'attempts'): RouteShorthandOptions {
  return {
    config: {
      rateLimit: {
        max: limit.max,
        timeWindow: limit.timeWindowMs,
        errorResponseBuilder: (_request, context) => ({ statusCode: 429, retryAt: new Date(Date.now() + context.ttl).toISOString() }),
      },
    },
    errorHandler: (error: FastifyError & { retryAt?: string }, _request, reply) => {
      if (error.statusCode === 429)
        return reply
          .status(429)
          .header('Cache-Control', 'no-store')
          .send({
            ok: false,
            error: {
              code: 'rate_limited',
              message: `Too many ${what} from this address.`,
              ...(error.retryAt ? { retryAt: error.retryAt } : {}),
            },
          });
      if (error.statusCode === 413) return sendError(reply, { code: 'payload_too_large', message: 'The request is too large.' });
      return sendError(reply, { code: 'bad_request', message: `Send JSON: ${example}.` });
    },
  };
}
