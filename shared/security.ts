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

/** The decision-table editor's own page (administrators; the browser host only). */
export const POLICY_EDITOR_PAGE = '/policy-editor.html';

/**
 * The editor's page alone also allows WebAssembly to compile ('wasm-unsafe-eval': the GoRules editor
 * runs the engine's WASM build) and workers from our origin or blob: (its code editor). It never
 * allows eval or inline script. Every other page, the desk included, keeps CONTENT_SECURITY_POLICY.
 */
export const POLICY_EDITOR_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:",
);

/** The policy for a response by its URL path: the editor's page gets its own, everything else the console's. */
export function contentSecurityPolicyFor(url: string): string {
  const path = url.split(/[?#]/)[0];
  return path === POLICY_EDITOR_PAGE ? POLICY_EDITOR_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
}
