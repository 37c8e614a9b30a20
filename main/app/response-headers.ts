import { CONTENT_SECURITY_POLICY } from '../../shared/security';

/** Headers on every app:// response, the same policy the browser host sends. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

export type HeaderMap = Record<string, string | string[]>;

/**
 * For session.webRequest.onHeadersReceived: replaces any Content-Security-Policy (in any letter
 * case) with ours, so a response that did not come through our protocol handler is still covered.
 */
export function withContentSecurityPolicy(headers: HeaderMap | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = Array.isArray(value) ? value : [value];
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}
