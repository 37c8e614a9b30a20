import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the built preload (out/preload/index.js). */
  preloadPath: string;
  /** DevTools only in development; a packaged desk has none. */
  devTools: boolean;
}

/**
 * The one window's options: the desktop security baseline in one place. Every web preference
 * that weakens isolation is spelled out at its safe value, so a review (or electronegativity)
 * sees the decision rather than a default.
 */
export function mainWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
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
  };
}
