import type { ErrorCode } from '../shared';

/** How each typed error travels over HTTP. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  bad_request: 400,
  forbidden: 403,
  unauthenticated: 401,
  rate_limited: 429,
  not_found: 404,
  unknown_procedure: 404,
  conflict: 409,
  payload_too_large: 413,
  internal: 500,
  unavailable: 503,
};
