import { EventEmitter } from 'node:events';
import Module from 'node:module';

/**
 * A stand-in for the 'electron' module, enough for the built main bundle to start in Node.
 * It records what main asks Electron to do so the smoke test can check the security baseline.
 */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export interface PreventableEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function preventableEvent(): PreventableEvent {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

type WindowOpenHandler = (details: { url: string }) => { action: string };
type Listener = (...args: never[]) => unknown;
type ProtocolHandler = (request: Request) => Promise<Response>;
type InvokeHandler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
type DeviceHandler = (details: unknown) => boolean;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

let nextWebContentsId = 100;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly mainFrame: FakeFrame = { url: '', parent: null };
  windowOpenHandler: WindowOpenHandler | undefined;
  readonly sent: { channel: string; message: unknown }[] = [];
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, message: unknown): void {
    this.sent.push({ channel, message });
  }
  isDestroyed(): boolean {
    return false;
  }
}

export interface FakeElectronOptions {
  userDataDir: string;
  appPath: string;
}

/** Everything main asked of Electron, in the order the smoke test checks it. */
export interface FakeRecord {
  isReady: boolean;
  sandboxEnabledBeforeReady: boolean;
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean>; beforeReady: boolean }[];
  protocolHandlers: Map<string, ProtocolHandler>;
  invokeHandlers: Map<string, InvokeHandler>;
  ipcOnChannels: string[];
  windows: FakeBrowserWindow[];
  windowOptions: Record<string, unknown>[];
  permissionRequestHandler: PermissionRequestHandler | undefined;
  permissionCheckHandler: PermissionCheckHandler | undefined;
  deviceHandler: DeviceHandler | undefined;
  headersListener: HeadersListener | undefined;
  openedExternally: string[];
  applicationMenu: unknown;
  errorBoxes: { title: string; content: string }[];
  quitCalls: number;
  exitCodes: number[];
  singleInstanceLockRequested: boolean;
  /** What main asked safeStorage to encrypt (a plain-text backend must get nothing). */
  sealed: string[];
}

export class FakeApp extends EventEmitter {
  readonly isPackaged = false;
  constructor(
    private readonly record: FakeRecord,
    private readonly options: FakeElectronOptions,
    private readonly ready: Promise<void>,
  ) {
    super();
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  isReady(): boolean {
    return this.record.isReady;
  }
  getPath(name: string): string {
    if (name === 'userData') return this.options.userDataDir;
    throw new Error(`fake electron: app.getPath('${name}') not expected`);
  }
  getAppPath(): string {
    return this.options.appPath;
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  getName(): string {
    return 'Kept';
  }
  enableSandbox(): void {
    if (!this.record.isReady) this.record.sandboxEnabledBeforeReady = true;
  }
  requestSingleInstanceLock(): boolean {
    this.record.singleInstanceLockRequested = true;
    return true;
  }
  quit(): void {
    this.record.quitCalls += 1;
  }
  exit(code = 0): void {
    this.record.exitCodes.push(code);
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  visible = false;
  constructor(private readonly onLoad: (url: string) => void) {
    super();
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    this.onLoad(url);
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return false;
  }
}

export interface FakeElectron {
  /** What require('electron') returns to the bundle. */
  electron: Record<string, unknown>;
  app: FakeApp;
  record: FakeRecord;
  /** Resolves with the first URL a window loads. */
  loaded: Promise<string>;
  fireReady(): void;
}

export function createFakeElectron(options: FakeElectronOptions): FakeElectron {
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  let markLoaded: (url: string) => void = () => undefined;
  const loaded = new Promise<string>((resolve) => {
    markLoaded = resolve;
  });

  const record: FakeRecord = {
    isReady: false,
    sandboxEnabledBeforeReady: false,
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    invokeHandlers: new Map(),
    ipcOnChannels: [],
    windows: [],
    windowOptions: [],
    permissionRequestHandler: undefined,
    permissionCheckHandler: undefined,
    deviceHandler: undefined,
    headersListener: undefined,
    openedExternally: [],
    applicationMenu: undefined,
    errorBoxes: [],
    quitCalls: 0,
    exitCodes: [],
    singleInstanceLockRequested: false,
    sealed: [],
  };
  const app = new FakeApp(record, options, ready);

  // What main constructs with `new BrowserWindow(options)`; like Electron, it announces its webContents.
  function BrowserWindow(windowOptions: Record<string, unknown>): FakeBrowserWindow {
    const window = new FakeBrowserWindow(markLoaded);
    record.windows.push(window);
    record.windowOptions.push(windowOptions);
    app.emit('web-contents-created', {}, window.webContents);
    return window;
  }

  const electron = {
    app,
    BrowserWindow,
    ipcMain: {
      handle(channel: string, handler: InvokeHandler) {
        if (record.invokeHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        record.invokeHandlers.set(channel, handler);
      },
      removeHandler(channel: string) {
        record.invokeHandlers.delete(channel);
      },
      on(channel: string, _listener: Listener) {
        record.ipcOnChannels.push(channel);
      },
    },
    protocol: {
      registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]) {
        for (const s of schemes) record.privilegedSchemes.push({ ...s, beforeReady: !record.isReady });
      },
      handle(scheme: string, handler: ProtocolHandler) {
        record.protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler(handler: PermissionRequestHandler) {
          record.permissionRequestHandler = handler;
        },
        setPermissionCheckHandler(handler: PermissionCheckHandler) {
          record.permissionCheckHandler = handler;
        },
        setDevicePermissionHandler(handler: DeviceHandler) {
          record.deviceHandler = handler;
        },
        webRequest: {
          onHeadersReceived(listener: HeadersListener) {
            record.headersListener = listener;
          },
        },
      },
    },
    shell: {
      async openExternal(url: string) {
        record.openedExternally.push(url);
      },
      async openPath() {
        return '';
      },
    },
    Menu: {
      buildFromTemplate(template: unknown) {
        return { template };
      },
      setApplicationMenu(menu: unknown) {
        record.applicationMenu = menu;
      },
    },
    // A Linux machine without a keyring: the desk must keep its sign-in in memory only.
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString(plain: string) {
        record.sealed.push(plain);
        return Buffer.from(plain);
      },
      decryptString: (sealed: Buffer) => sealed.toString(),
    },
    dialog: {
      showErrorBox(title: string, content: string) {
        record.errorBoxes.push({ title, content });
      },
    },
  };

  return {
    electron,
    app,
    record,
    loaded,
    fireReady() {
      record.isReady = true;
      markReady();
      app.emit('ready');
    },
  };
}

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;

/**
 * Serves `fake` for require('electron') from CommonJS code (the built bundles). vi.mock only
 * reaches modules vitest itself transforms, so the loader is patched instead. Returns the undo.
 */
export function interceptElectron(fake: unknown): () => void {
  const loader = Module as unknown as { _load: Load };
  const original = loader._load;
  loader._load = function load(this: unknown, request, parent, isMain) {
    if (request === 'electron') return fake;
    return original.call(this, request, parent, isMain);
  };
  return () => {
    loader._load = original;
  };
}
