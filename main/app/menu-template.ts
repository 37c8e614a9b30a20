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
  const template: MenuItemConstructorOptions[] = [{ role: 'editMenu' }, view, { role: 'windowMenu' }];
  if (input.platform === 'darwin') template.unshift({ role: 'appMenu' });
  else template.unshift({ role: 'fileMenu' });
  return template;
}
