import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { allowsPermission, guardSession, type GuardedSession } from '../../../main/app/session-guard';
import { type GuardedContents, guardWebContents } from '../../../main/app/web-contents-guard';
import { CONTENT_SECURITY_POLICY } from '../../../shared';

function preventable() {
  const event = { prevented: false, preventDefault: () => void (event.prevented = true) };
  return event;
}

type OpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

describe('guardWebContents', () => {
  const setUp = () => {
    const emitter = new EventEmitter();
    let openHandler: OpenHandler | undefined;
    const contents = {
      on: (name: string, listener: (...args: unknown[]) => void) => emitter.on(name, listener),
      setWindowOpenHandler: (handler: OpenHandler) => {
        openHandler = handler;
      },
    };
    const opened: string[] = [];
    guardWebContents(contents as unknown as GuardedContents, async (url) => void opened.push(url));
    return { emitter, opened, open: (url: string) => openHandler?.({ url }) };
  };

  it('prevents every navigation and hands only allowed schemes to the system', () => {
    const { emitter, opened } = setUp();
    for (const url of ['https://example.com/', 'app://kept/elsewhere.html', 'file:///etc/passwd', 'http://example.com/']) {
      const event = preventable();
      emitter.emit('will-navigate', event, url);
      expect(event.prevented, url).toBe(true);
    }
    const redirect = preventable();
    emitter.emit('will-redirect', redirect, 'https://example.com/');
    expect(redirect.prevented).toBe(true);
    expect(opened).toEqual(['https://example.com/']);
  });

  it('denies every new window, opening allowed links externally instead', () => {
    const { open, opened } = setUp();
    expect(open('mailto:a@example.com')).toEqual({ action: 'deny' });
    expect(open('app://kept/index.html')).toEqual({ action: 'deny' });
    expect(open('smb://host/x')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['mailto:a@example.com']);
  });

  it('refuses webviews', () => {
    const { emitter } = setUp();
    const event = preventable();
    emitter.emit('will-attach-webview', event, { preload: '/evil.js', nodeIntegration: true }, { src: 'https://evil.example/' });
    expect(event.prevented).toBe(true);
  });
});

describe('allowsPermission', () => {
  it('allows only writing text to the clipboard and system notifications, only from our own page', () => {
    expect(allowsPermission('clipboard-sanitized-write', 'app://kept/index.html')).toBe(true);
    expect(allowsPermission('clipboard-sanitized-write', 'app://kept')).toBe(true);
    expect(allowsPermission('clipboard-sanitized-write', 'app://kept.evil/x')).toBe(false);
    expect(allowsPermission('clipboard-sanitized-write', 'https://example.com')).toBe(false);
    expect(allowsPermission('clipboard-sanitized-write', undefined)).toBe(false);
    expect(allowsPermission('clipboard-read', 'app://kept/index.html')).toBe(false);
    expect(allowsPermission('notifications', 'app://kept/index.html')).toBe(true);
    expect(allowsPermission('notifications', 'https://example.com')).toBe(false);
    expect(allowsPermission('notifications', undefined)).toBe(false);
    expect(allowsPermission('geolocation', 'app://kept/index.html')).toBe(false);
  });
});

describe('guardSession', () => {
  it('denies every permission and adds the CSP to responses (not to DevTools)', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: (...args: never[]) => unknown) => void (handlers.request = h),
      setPermissionCheckHandler: (h: (...args: never[]) => unknown) => void (handlers.check = h),
      setDevicePermissionHandler: (h: (...args: never[]) => unknown) => void (handlers.device = h),
      webRequest: { onHeadersReceived: (h: (...args: never[]) => unknown) => void (handlers.headers = h) },
    };
    guardSession(session as unknown as GuardedSession);

    const request = handlers.request as (c: unknown, p: string, cb: (granted: boolean) => void) => void;
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'fullscreen', 'clipboard-read', 'pointerLock'])
      request({}, permission, (g) => answers.push(g));
    expect(answers).toEqual([false, false, false, false, false]);
    expect((handlers.check as (...a: unknown[]) => boolean)({}, 'media', 'app://kept', {})).toBe(false);
    expect((handlers.check as (...a: unknown[]) => boolean)({}, 'notifications', 'app://kept', {})).toBe(true);
    expect((handlers.check as (...a: unknown[]) => boolean)({}, 'notifications', 'https://example.com', {})).toBe(false);
    expect((handlers.device as (d: unknown) => boolean)({ deviceType: 'hid' })).toBe(false);

    const headers = handlers.headers as (d: unknown, cb: (r: { responseHeaders?: Record<string, string[]> }) => void) => void;
    let page: { responseHeaders?: Record<string, string[]> } | undefined;
    headers({ url: 'app://kept/index.html', responseHeaders: {} }, (r) => (page = r));
    expect(page?.responseHeaders?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    let devtools: { responseHeaders?: Record<string, string[]> } | undefined;
    headers({ url: 'devtools://devtools/bundled/index.html' }, (r) => (devtools = r));
    expect(devtools).toEqual({});
  });
});
