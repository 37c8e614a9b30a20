import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  DESK_CHANNELS,
  type DeskState,
  type Envelope,
  IPC_CHANNELS,
  procedureNames,
  SYNC_CHANNELS,
} from '../../shared';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../main/core';
import { buildServer } from '../../server/app';
import { openTempCore, type TempCore } from '../fixtures/temp-core';
import { createFakeElectron, type FakeElectron, type FakeWebContents, interceptElectron, preventableEvent } from './fake-electron';
import { ensureShellBuilt, MAIN_BUNDLE, PRELOAD_BUNDLE, RENDERER_DIR, ROOT } from './shell-build';

/**
 * Loads the built main bundle (out/main/index.js) in Node with a fake 'electron' and checks what
 * it asked Electron to do. This is the closest we get to running the desktop app here.
 */
let fake: FakeElectron;
let restore: () => void = () => undefined;
let userDataDir: string;
let contents: FakeWebContents;

const trustedEvent = () => ({ sender: contents, senderFrame: contents.mainFrame });

async function desk(channel: string, event: unknown, input?: unknown): Promise<unknown> {
  const handler = fake.record.invokeHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, input);
}

async function invoke(event: unknown, request: unknown): Promise<Envelope<unknown>> {
  const handler = fake.record.invokeHandlers.get(IPC_CHANNELS.invoke);
  if (!handler) throw new Error('no invoke handler registered');
  return (await handler(event, request)) as Envelope<unknown>;
}

function appRequest(path: string, method = 'GET'): Promise<Response> {
  const handler = fake.record.protocolHandlers.get('app');
  if (!handler) throw new Error('no app:// handler registered');
  return handler(new Request(`app://kept${path}`, { method }));
}

beforeAll(async () => {
  ensureShellBuilt();
  userDataDir = mkdtempSync(join(tmpdir(), 'kept-smoke-'));
  fake = createFakeElectron({ userDataDir, appPath: ROOT });
  restore = interceptElectron(fake.electron);
  createRequire(__filename)(MAIN_BUNDLE);
}, 180_000);

afterAll(async () => {
  restore();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe('built main bundle, before ready', () => {
  it('registers app:// as a privileged standard, secure scheme before ready', () => {
    expect(fake.record.privilegedSchemes).toEqual([
      expect.objectContaining({ scheme: 'app', beforeReady: true, privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('sandboxes every renderer and takes the single-instance lock', () => {
    expect(fake.record.sandboxEnabledBeforeReady).toBe(true);
    expect(fake.record.singleInstanceLockRequested).toBe(true);
    expect(fake.record.windows).toHaveLength(0);
  });
});

describe('built main bundle, after ready', () => {
  beforeAll(async () => {
    fake.fireReady();
    const url = await Promise.race([
      fake.loaded,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('main did not open its window in time')), 60_000)),
    ]);
    expect(url).toBe('app://kept/index.html');
    const window = fake.record.windows[0];
    if (!window) throw new Error('no window');
    contents = window.webContents;
  }, 90_000);

  it('opens exactly one window with the security baseline', () => {
    expect(fake.record.windows).toHaveLength(1);
    expect(fake.record.errorBoxes).toEqual([]);
    const prefs = fake.record.windowOptions[0]?.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(prefs.preload).toBe(PRELOAD_BUNDLE);
    expect(existsSync(PRELOAD_BUNDLE)).toBe(true);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('keeps the database and the settings in userData', () => {
    expect(existsSync(join(userDataDir, 'kept.db'))).toBe(true);
    const settings = JSON.parse(readFileSync(join(userDataDir, 'settings.json'), 'utf8')) as { clientId?: string };
    expect(settings.clientId).toMatch(/^desk-[0-9a-f-]{36}$/);
  });

  it('installs an application menu', () => {
    expect(fake.record.applicationMenu).toBeDefined();
  });

  describe('app:// protocol', () => {
    it('answers the entry page with the CSP header', async () => {
      const response = await appRequest('/index.html');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      if (existsSync(join(RENDERER_DIR, 'index.html'))) {
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      } else {
        expect(response.status).toBe(404);
      }
    });

    it.each([
      '/%2e%2e%2f%2e%2e%2fpackage.json',
      '/..%2f..%2fpackage.json',
      '/..%5c..%5cpackage.json',
      '/%2e%2e%5c%2e%2e%5cpackage.json',
      '/assets/%00.js',
      '/C:%2fWindows%2fwin.ini',
      '/%2fetc%2fpasswd',
      '//etc/passwd',
    ])('refuses %s, still with the CSP header', async (path) => {
      const response = await appRequest(path);
      expect([400, 403, 404]).toContain(response.status);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).not.toContain('"name": "kept"');
    });

    it('only reads', async () => {
      expect((await appRequest('/index.html', 'POST')).status).toBe(405);
    });
  });

  describe('the desk lock', () => {
    it('starts locked: calls are unauthenticated until a profile is unlocked with its PIN', async () => {
      expect(await invoke(trustedEvent(), { procedure: 'session.me', input: {} })).toMatchObject({
        ok: false,
        error: { code: 'unauthenticated' },
      });
      const profile = { employeeNo: '20001', name: '本机坐席', role: 'supervisor', pin: '2468' };
      const created = (await desk(DESK_CHANNELS.createProfile, trustedEvent(), profile)) as Envelope<DeskState>;
      // The desk agent exists on this desk (employee number 20001), so a new profile needs its own number.
      expect(created).toMatchObject({ ok: false, error: { code: 'conflict' } });
      const made = (await desk(DESK_CHANNELS.createProfile, trustedEvent(), { ...profile, employeeNo: '20002' })) as Envelope<DeskState>;
      if (!made.ok) throw new Error(made.error.message);
      const id = made.value.profiles[0]?.id;
      expect(await desk(DESK_CHANNELS.unlock, trustedEvent(), { profileId: id, pin: '1357' })).toMatchObject({
        ok: false,
        error: { code: 'unauthenticated' },
      });
      expect(
        await desk(
          DESK_CHANNELS.unlock,
          { sender: contents, senderFrame: { url: 'https://evil.example/', parent: null } },
          { profileId: id, pin: '2468' },
        ),
      ).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await desk(DESK_CHANNELS.unlock, trustedEvent(), { profileId: id, pin: '2468' })).toMatchObject({ ok: true });
    });
  });

  describe('IPC', () => {
    it('handles the invoke channel, the four desk channels and the four sync channels', () => {
      const sync = Object.values(SYNC_CHANNELS).filter((channel) => channel !== SYNC_CHANNELS.status);
      expect([...fake.record.invokeHandlers.keys()].sort()).toEqual([IPC_CHANNELS.invoke, ...Object.values(DESK_CHANNELS), ...sync].sort());
      // electron-store's own sync channel; the preload gives the page no way to send on it.
      expect(fake.record.ipcOnChannels).toEqual(['electron-store-get-data']);
    });

    it.each(procedureNames)('%s answers with an envelope from core, not unknown_procedure', async (procedure) => {
      const envelope = await invoke(trustedEvent(), { procedure, input: {} });
      expect(typeof envelope.ok).toBe('boolean');
      if (!envelope.ok) expect(envelope.error.code).not.toBe('unknown_procedure');
    });

    it('starts standalone; only an administrator names a team server; a plain-text keyring seals nothing', async () => {
      expect(await desk(SYNC_CHANNELS.state, trustedEvent())).toMatchObject({
        ok: true,
        value: { serverUrl: null, signedIn: false, remembered: false, online: false },
      });
      // The unlocked profile is a supervisor.
      expect(await desk(SYNC_CHANNELS.setServer, trustedEvent(), { serverUrl: 'https://kept.example.cn' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await desk(SYNC_CHANNELS.setServer, trustedEvent(), { serverUrl: 'http://kept.example.cn' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
      expect(await desk(SYNC_CHANNELS.signIn, trustedEvent(), { employeeNo: '20001', password: 'x' })).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });
      expect(fake.record.sealed).toEqual([]);
      const settings = JSON.parse(readFileSync(join(userDataDir, 'settings.json'), 'utf8')) as Record<string, unknown>;
      expect(settings).not.toHaveProperty('serverUrl');
      expect(settings).not.toHaveProperty('sealedRefreshTokens');
    });

    it('returns the unlocked profile for session.me', async () => {
      const envelope = await invoke(trustedEvent(), { procedure: 'session.me', input: {} });
      expect(envelope).toMatchObject({ ok: true, value: { employeeNo: '20002' } });
    });

    it('refuses other frames and pages', async () => {
      const call = { procedure: 'session.me', input: {} };
      const iframe = { url: 'app://kept/index.html', parent: contents.mainFrame };
      for (const event of [
        { sender: contents, senderFrame: { url: 'https://evil.example/', parent: null } },
        { sender: contents, senderFrame: iframe },
        { sender: contents, senderFrame: null },
        { sender: { id: contents.id + 1000 }, senderFrame: { url: 'app://kept/index.html', parent: null } },
      ]) {
        const envelope = await invoke(event, call);
        expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    });

    it('refuses garbage with bad_request', async () => {
      for (const raw of [null, 'session.me', { input: {} }, { procedure: 'session.me', extra: 1 }]) {
        expect(await invoke(trustedEvent(), raw)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      }
    });

    it('pushes committed changes to the window', async () => {
      contents.sent.length = 0;
      const envelope = await invoke(trustedEvent(), {
        procedure: 'customers.create',
        input: { name: '冒烟测试', phone: '13912345678' },
      });
      expect(envelope).toMatchObject({ ok: true });
      expect(contents.sent).toContainEqual({
        channel: IPC_CHANNELS.event,
        message: { event: 'changed', payload: expect.objectContaining({ entity: 'customer' }) },
      });
    });
  });

  describe('navigation, windows, webviews, permissions', () => {
    it('denies navigation and opens only allowed schemes externally', () => {
      fake.record.openedExternally.length = 0;
      for (const url of ['https://example.com/help', 'file:///etc/passwd', 'app://kept/other.html', 'javascript:alert(1)']) {
        const event = preventableEvent();
        contents.emit('will-navigate', event, url);
        expect(event.defaultPrevented).toBe(true);
      }
      expect(fake.record.openedExternally).toEqual(['https://example.com/help']);
    });

    it('denies window.open', () => {
      expect(contents.windowOpenHandler).toBeDefined();
      for (const url of ['https://example.com/', 'app://kept/index.html', 'about:blank', 'smb://host/share']) {
        expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
      }
    });

    it('refuses to attach a webview', () => {
      const event = preventableEvent();
      contents.emit('will-attach-webview', event, {}, {});
      expect(event.defaultPrevented).toBe(true);
    });

    it('denies every permission request and check but notifications from the console itself', () => {
      const { permissionRequestHandler, permissionCheckHandler, deviceHandler } = fake.record;
      let notify: boolean | undefined;
      permissionRequestHandler?.(
        contents,
        'notifications',
        (g) => {
          notify = g;
        },
        { requestingUrl: 'app://kept/index.html' },
      );
      expect(notify).toBe(true);
      expect(permissionCheckHandler?.(contents, 'notifications', 'app://kept', {})).toBe(true);
      expect(permissionCheckHandler?.(contents, 'notifications', 'https://example.com', {})).toBe(false);
      for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal']) {
        let granted: boolean | undefined;
        permissionRequestHandler?.(
          contents,
          permission,
          (g) => {
            granted = g;
          },
          {},
        );
        expect(granted).toBe(false);
        expect(permissionCheckHandler?.(contents, permission, 'app://kept', {})).toBe(false);
      }
      expect(deviceHandler?.({ deviceType: 'usb' })).toBe(false);
    });

    it('adds the CSP to every response the session sees', () => {
      let headers: Record<string, string[]> | undefined;
      fake.record.headersListener?.(
        { url: 'app://kept/index.html', responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } },
        (response) => {
          headers = response.responseHeaders;
        },
      );
      expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    });
  });
});

describe('built main bundle, the team server', () => {
  let server: TempCore;
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    server = await openTempCore({ accounts: true, outbox: false });
    app = await buildServer({ core: server.core });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await server?.dispose();
  });

  it('an administrator at the desk names a server on this machine and signs in; the state is pushed to the window', async () => {
    const admin = { employeeNo: '20003', name: '管理员', role: 'admin', pin: '8642' };
    const made = (await desk(DESK_CHANNELS.createProfile, trustedEvent(), admin)) as Envelope<DeskState>;
    if (!made.ok) throw new Error(made.error.message);
    const id = made.value.profiles.find((p) => p.employeeNo === '20003')?.id;
    await desk(DESK_CHANNELS.lock, trustedEvent());
    expect(await desk(DESK_CHANNELS.unlock, trustedEvent(), { profileId: id, pin: '8642' })).toMatchObject({ ok: true });

    expect(await desk(SYNC_CHANNELS.setServer, trustedEvent(), { serverUrl: `${base}/` })).toMatchObject({
      ok: true,
      value: { serverUrl: base, signedIn: false },
    });
    expect(await desk(SYNC_CHANNELS.signIn, trustedEvent(), { employeeNo: '20001', password: 'wrong-password-1' })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect(await desk(SYNC_CHANNELS.signIn, trustedEvent(), { employeeNo: '20001', password: DEMO_PASSWORD })).toMatchObject({
      ok: true,
      value: { serverUrl: base, signedIn: true, person: { employeeNo: '20001' }, remembered: false },
    });
    await expect
      .poll(() => contents.sent.filter((m) => m.channel === SYNC_CHANNELS.status).map((m) => (m.message as { online: boolean }).online))
      .toContain(true);
    // A plain-text keyring: the sign-in is kept in memory only.
    expect(fake.record.sealed).toEqual([]);
    const settings = JSON.parse(readFileSync(join(userDataDir, 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(settings.serverUrl).toBe(base);
    expect(settings).not.toHaveProperty('sealedRefreshTokens');
  });
});

describe('built main bundle, quitting', () => {
  it('holds the quit until the database is closed, then quits', async () => {
    const quits = fake.record.quitCalls;
    const event = preventableEvent();
    fake.app.emit('will-quit', event);
    expect(event.defaultPrevented).toBe(true);
    await expect.poll(() => fake.record.quitCalls, { timeout: 5_000 }).toBe(quits + 1);
    // WAL checkpointed and removed on a clean close: the desk leaves one file behind.
    expect(existsSync(join(userDataDir, 'kept.db-wal'))).toBe(false);
    // The second will-quit (from that quit) goes through.
    const again = preventableEvent();
    fake.app.emit('will-quit', again);
    expect(again.defaultPrevented).toBe(false);
  });
});
