import type { WebContents } from 'electron';
import { openExternalIfAllowed } from './external-links';

/** What hardening needs from a webContents; Electron's WebContents fits it. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Applied to every webContents the app creates (app 'web-contents-created'): the console never
 * navigates away, never opens windows, never hosts a <webview>. Links to allowed external
 * schemes open in the system's own handler instead.
 */
export function guardWebContents(contents: GuardedContents, openExternal: (url: string) => Promise<void>): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternalIfAllowed(url, openExternal);
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url, openExternal);
    return { action: 'deny' };
  });
}
