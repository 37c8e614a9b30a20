import type { Session } from 'electron';
import { withContentSecurityPolicy } from './response-headers';

export type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
};

/**
 * The console needs no browser permission (camera, microphone, notifications, clipboard read,
 * geolocation, HID, serial, USB): every request and every check is denied. The CSP is also added
 * to every response the session sees, in case one ever bypasses our protocol handler.
 */
export function guardSession(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    // DevTools' own pages (development only) need their own policy.
    if (details.url.startsWith('devtools://')) return callback({});
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}
