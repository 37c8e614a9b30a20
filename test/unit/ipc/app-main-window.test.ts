import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../main/app/window-options';

describe('mainWindowOptions', () => {
  it('spells out the security baseline', () => {
    const options = mainWindowOptions({ preloadPath: '/app/out/preload/index.js', devTools: false });
    expect(options.webPreferences).toEqual({
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
    expect(options.show).toBe(false);
  });

  it('allows DevTools only when asked (development)', () => {
    expect(mainWindowOptions({ preloadPath: '/p.js', devTools: true }).webPreferences?.devTools).toBe(true);
  });
});
