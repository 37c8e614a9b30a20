import type { Session } from 'electron';
import { withContentSecurityPolicy } from './response-headers';

export type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
};

/**
 * The permissions the console uses, and only from its own page: writing plain text to the
 * clipboard (the agent copies a queued confirmation into another tool) and system notifications
 * (the agent's own promise fell due while they work in another window). Reading the clipboard is
 * never allowed.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'notifications']);

export function allowsPermission(permission: string, origin: string | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && typeof origin === 'string' && /^app:\/\/kept(\/|$)/.test(origin);
}

/**
 * Every other browser permission (camera, microphone, clipboard read, geolocation,
 * HID, serial, USB) is denied, on request and on check. The CSP is also added to every response the
 * session sees, in case one ever bypasses our protocol handler.
 */
export function guardSession(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowsPermission(permission, details?.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowsPermission(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    // DevTools' own pages (development only) need their own policy.
    if (details.url.startsWith('devtools://')) return callback({});
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}
