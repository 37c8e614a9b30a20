import Store from 'electron-store';
import { DESK_SETTINGS_DEFAULTS, type DeskSettings, type SettingsStore } from './desk-settings';

/** Opens userData/settings.json. electron-store is ESM-only; electron-vite bundles it into main. */
export function openSettingsStore(): SettingsStore {
  return new Store<DeskSettings>({
    name: 'settings',
    defaults: DESK_SETTINGS_DEFAULTS,
    // A hand-damaged file should not stop the desk from starting. Values are checked where they
    // are read (ensureClientId, shouldStartEmpty), so no JSON-schema validator is bundled.
    clearInvalidConfig: true,
  });
}
