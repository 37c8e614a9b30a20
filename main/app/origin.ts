/**
 * The console's own origin. A privileged, standard scheme gives the page a real origin (so the
 * CSP's 'self' means exactly our files) without the extra powers Chromium grants file://.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kept';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for any URL on our origin, e.g. app://kept/index.html. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
