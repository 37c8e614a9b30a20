import type { MenuItemConstructorOptions } from 'electron';

export interface MenuInput {
  platform: NodeJS.Platform;
  /** Development builds get reload and DevTools; a packaged desk does not. */
  development: boolean;
}

/**
 * The application menu. It exists mainly for the standard edit shortcuts (copy, paste, undo in
 * the note editor) and, on macOS, the app menu every Mac app has. Nothing here loads content.
 */
export function menuTemplate(input: MenuInput): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(input.development
        ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] satisfies MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  // Plain labels (no "&"): on Windows and Linux a role's default label carries a mnemonic, and
  // Alt+letter would open the menu instead of reaching the console's own Alt shortcuts.
  const template: MenuItemConstructorOptions[] = [{ role: 'editMenu', label: 'Edit' }, view, { role: 'windowMenu', label: 'Window' }];
  if (input.platform === 'darwin') template.unshift({ role: 'appMenu' });
  else template.unshift({ role: 'fileMenu', label: 'File' });
  return template;
}
