import { describe, expect, it } from 'vitest';
import { securityHeaders, withContentSecurityPolicy } from '../../../main/app/response-headers';
import { CONTENT_SECURITY_POLICY } from '../../../shared';

describe('security headers', () => {
  it('carry the shared CSP, which starts from default-src none and never allows inline scripts', () => {
    const headers = securityHeaders();
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY.startsWith("default-src 'none'")).toBe(true);
    const scriptSrc = CONTENT_SECURITY_POLICY.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('replace any CSP a response brought, whatever its letter case, and keep the other headers', () => {
    expect(
      withContentSecurityPolicy({ 'content-security-policy': ['default-src *'], 'CONTENT-SECURITY-POLICY': 'script-src *', Server: 'x' }),
    ).toEqual({ Server: ['x'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
