import type { BrowserWindowConstructorOptions } from 'electron';

export interface MainWindowInput {
  /** Absolute path of the built preload (out/preload/index.js). */
  preloadPath: string;
  /** DevTools only in development; a packaged desk has none. */
  devTools: boolean;
}

/** Electron's BrowserWindow class, or a recording stand-in in tests. */
export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * Creates the one window with the desktop security baseline. Every web preference that weakens
 * isolation is spelled out at its safe value, in a literal passed straight to `new BrowserWindow`,
 * so a review and electronegativity both see the decision rather than a default.
 */
export function createMainWindow<W>(BrowserWindow: WindowConstructor<W>, input: MainWindowInput): W {
  return new BrowserWindow({
    title: 'Kept',
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#f7f7f5',
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click on a link would otherwise open it without going through the window-open handler.
      disableBlinkFeatures: 'Auxclick',
      devTools: input.devTools,
      spellcheck: false,
    },
  });
}
