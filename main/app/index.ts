import { existsSync } from 'node:fs';
import { join } from 'node:path';
import betterSqlite3Package from 'better-sqlite3/package.json';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { IPC_CHANNELS, SYNC_CHANNELS } from '../../shared/contract/bridge';
import {
  createDeskProfile,
  currentDeskPerson,
  currentDeskProfile,
  listDeskProfiles,
  type OpenedCore,
  outboxGateway,
  startBackgroundJobs,
  unlockDeskProfile,
} from '../core';
import { createDeskLock, createDeskRouter, createIpcRouter, createSenderCheck, createSyncRouter, forwardChanges } from '../ipc';
import { createDeskConnection, type DeskConnection, deskGateway, keepPendingLocal } from '../sync';
import { APP_USER_MODEL_ID } from './app-identity';
import { ensureClientId, idleLockMinutes, serverUrlSetting, shouldStartEmpty } from './desk-settings';
import { guardWebContents } from './web-contents-guard';
import { menuTemplate } from './menu-template';
import { chooseNativeBinding } from './native-binding';
import { openDesk } from './open-desk';
import { APP_ENTRY_URL, APP_SCHEME, isAppUrl } from './origin';
import { createAppProtocolHandler } from './protocol-handler';
import { createMainWindow } from './main-window';
import { createDeskSecretStore } from './secret-store';
import { guardSession } from './session-guard';
import { openSettingsStore } from './settings-store';

// Built layout: out/main/index.js (this file), out/preload/index.js, out/renderer/.
const PRELOAD_PATH = join(__dirname, '..', 'preload', 'index.js');
const RENDERER_DIR = join(__dirname, '..', 'renderer');

let mainWindow: BrowserWindow | undefined;
let desk: OpenedCore | undefined;
let connection: DeskConnection | undefined;

const openExternal = (url: string) => shell.openExternal(url);

// Must happen before 'ready': the scheme becomes a secure, standard origin with fetch support.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
// Every renderer is sandboxed, including any the app did not create on purpose.
app.enableSandbox();
// Windows shows a promise's system notice only for the identity its installer registered.
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

function openMainWindow(): BrowserWindow {
  const window = createMainWindow(BrowserWindow, { preloadPath: PRELOAD_PATH, devTools: !app.isPackaged });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  guardSession(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: RENDERER_DIR }));
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ platform: process.platform, development: !app.isPackaged })));

  const settings = openSettingsStore();
  const opened = await openDesk({
    userDataDir: app.getPath('userData'),
    clientId: ensureClientId(settings),
    empty: shouldStartEmpty({ setting: settings.get('startEmpty'), argv: process.argv, env: process.env }),
    nativeBinding: chooseNativeBinding({
      appPath: app.getAppPath(),
      isPackaged: app.isPackaged,
      electronVersion: process.versions.electron ?? '',
      betterSqlite3Version: betterSqlite3Package.version,
      platform: process.platform,
      arch: process.arch,
      exists: existsSync,
    }),
    onInternalError: (error, procedure) => console.error(`[kept] ${procedure} failed:`, error),
  });
  desk = opened;
  // The demo seed is this desk's own starting data, not writes for the team server.
  if (opened.seeded) await keepPendingLocal(opened.core.deps);

  const isTrustedSender = createSenderCheck({ trustedWebContentsId: () => mainWindow?.webContents.id, isTrustedUrl: isAppUrl });
  // The desk starts locked: nobody acts until a profile is unlocked with its PIN or, with a team server,
  // a person signs in with their server password (then they act as their server account).
  const deskLock = createDeskLock({
    idleLockMinutes: idleLockMinutes(settings.get('idleLockMinutes')),
    refresh: async (agent) =>
      (await currentDeskProfile(opened.core.deps, agent.id)) ??
      (connection?.hasSignIn(agent.id) ? currentDeskPerson(opened.core.deps, agent.id) : null),
  });
  ipcMain.handle(
    IPC_CHANNELS.invoke,
    createIpcRouter({
      core: opened.core,
      resolveActor: () => deskLock.resolve(),
      isTrustedSender,
      onInternalError: (error) => console.error('[kept] IPC call failed:', error),
    }),
  );
  const deskHandlers = createDeskRouter({
    profiles: {
      list: () => listDeskProfiles(opened.core.deps),
      create: (input, by) => createDeskProfile(opened.core.deps, input, by),
      unlock: (profileId, pin) => unlockDeskProfile(opened.core.deps, profileId, pin),
    },
    lock: deskLock,
    // With a team server, the person unlocked pushes their writes with their own sign-in.
    onPersonChange: (agent) => connection?.switchTo(agent?.id ?? null),
    isTrustedSender,
    onInternalError: (error) => console.error('[kept] desk call failed:', error),
  });
  for (const [channel, handler] of Object.entries(deskHandlers)) ipcMain.handle(channel, handler);
  // The team server, when the desk names one: sign-in (refresh token sealed by safeStorage) and sync.
  connection = createDeskConnection({
    deps: opened.core.deps,
    server: {
      get: () => serverUrlSetting(settings.get('serverUrl')),
      set: (url) => (url ? settings.set('serverUrl', url) : settings.delete('serverUrl')),
    },
    secrets: createDeskSecretStore(safeStorage, settings, process.platform),
  });
  const syncHandlers = createSyncRouter({
    sync: connection,
    atDesk: () => deskLock.resolve(),
    onSignedIn: (agent) => deskLock.unlock(agent),
    isTrustedSender,
    onInternalError: (error) => console.error('[kept] sync call failed:', error),
  });
  for (const [channel, handler] of Object.entries(syncHandlers)) ipcMain.handle(channel, handler);
  connection.onState((state) => {
    const contents = mainWindow?.webContents;
    if (contents && !contents.isDestroyed()) contents.send(SYNC_CHANNELS.status, state);
  });
  void connection.start().catch((error: unknown) => console.error('[kept] could not reach the team server:', error));
  forwardChanges(opened.core.bus, () => mainWindow?.webContents);
  // The commitment clock runs on the desk too, so an owner is alerted even offline. Messages stay
  // in this desk's outbox; with a team server named, the server delivers them (they reach it with the push).
  startBackgroundJobs(opened.core.deps, {
    gateway: deskGateway({ serverUrl: serverUrlSetting(settings.get('serverUrl')), standalone: outboxGateway }),
    onError: (error) => console.error('[kept] background job failed:', error),
  });

  mainWindow = openMainWindow();
}

function fail(error: unknown): void {
  let detail = error instanceof Error ? error.message : String(error);
  // In development node_modules holds Node's better-sqlite3; Electron needs its own build.
  if (detail.includes('NODE_MODULE_VERSION')) detail += '\n\nRun `node scripts/electron-native.mjs` (npm start does it for you).';
  console.error('[kept] could not start:', error);
  dialog.showErrorBox('Kept could not start', detail);
  app.exit(1);
}

if (!app.requestSingleInstanceLock()) {
  // One desk process per user: two writers on one SQLite file would fight over it.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (desk && !mainWindow) mainWindow = openMainWindow();
  });
  app.on('will-quit', (event) => {
    // Close the database cleanly (WAL checkpoint) before the process ends.
    if (!desk) return;
    event.preventDefault();
    const closing = desk;
    const linked = connection;
    desk = undefined;
    connection = undefined;
    // Stop syncing first: the runner must not write to a closed database.
    (linked ? linked.stop() : Promise.resolve())
      .then(() => closing.close())
      .catch((error: unknown) => console.error('[kept] closing the database failed:', error))
      .finally(() => app.quit());
  });
  app.whenReady().then(start).catch(fail);
}
