import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMainWindow } from '../../../main/app/main-window';

class RecordingWindow {
  static created: BrowserWindowConstructorOptions[] = [];
  constructor(readonly options: BrowserWindowConstructorOptions) {
    RecordingWindow.created.push(options);
  }
}

describe('createMainWindow', () => {
  it('spells out the security baseline', () => {
    const window = createMainWindow(RecordingWindow, { preloadPath: '/app/out/preload/index.js', devTools: false });
    expect(window).toBeInstanceOf(RecordingWindow);
    expect(window.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.js',
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
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
      spellcheck: false,
    });
    // Shown on ready-to-show, so the agent never sees a blank frame.
    expect(window.options.show).toBe(false);
  });

  it('allows DevTools only when asked (development)', () => {
    expect(createMainWindow(RecordingWindow, { preloadPath: '/p.js', devTools: true }).options.webPreferences?.devTools).toBe(true);
  });
});
