/**
 * The Content-Security-Policy of the console, the same in the desktop (app://) and the browser.
 * Scripts only from our own origin; styles also allow inline because the accessible component
 * library injects <style> for scroll locking. Scripts never run inline.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
