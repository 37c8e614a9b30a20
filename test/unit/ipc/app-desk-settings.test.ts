import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type DeskSettings,
  ensureClientId,
  idleLockMinutes,
  serverUrlSetting,
  type SettingsStore,
  shouldStartEmpty,
} from '../../../main/app/desk-settings';
import { chooseNativeBinding, electronSqliteBindingPath } from '../../../main/app/native-binding';
import { menuTemplate } from '../../../main/app/menu-template';

interface ElectronNativeScript {
  electronNativeDir(input: { root: string; betterSqlite3Version: string; electronVersion: string; platform: string; arch: string }): string;
}
const SCRIPT = pathToFileURL(resolve(__dirname, '../../../scripts/electron-native.mjs')).href;

function memoryStore(initial: Partial<DeskSettings> = {}): SettingsStore & { data: Partial<DeskSettings> } {
  const data: Partial<DeskSettings> = { ...initial };
  return {
    data,
    get: (key) => data[key],
    set: (key, value) => {
      data[key] = value;
    },
    delete: (key) => {
      delete data[key];
    },
  };
}

describe('ensureClientId', () => {
  it('generates the desk id once and keeps it', () => {
    const store = memoryStore();
    const first = ensureClientId(store);
    expect(first).toMatch(/^desk-[0-9a-f-]{36}$/);
    expect(ensureClientId(store)).toBe(first);
    expect(store.data.clientId).toBe(first);
  });

  it('replaces a damaged id', () => {
    for (const bad of ['', 'x'.repeat(200), 'desk-../../etc']) {
      const store = memoryStore({ clientId: bad });
      expect(ensureClientId(store, () => 'desk-00000000-0000-4000-8000-000000000000')).toBe('desk-00000000-0000-4000-8000-000000000000');
    }
  });
});

describe('shouldStartEmpty', () => {
  it('follows the setting, --empty and KEPT_EMPTY=1, like the browser host', () => {
    expect(shouldStartEmpty({ setting: false, argv: [], env: {} })).toBe(false);
    expect(shouldStartEmpty({ setting: true, argv: [], env: {} })).toBe(true);
    expect(shouldStartEmpty({ setting: undefined, argv: ['electron', '.', '--empty'], env: {} })).toBe(true);
    expect(shouldStartEmpty({ setting: undefined, argv: [], env: { KEPT_EMPTY: '1' } })).toBe(true);
    expect(shouldStartEmpty({ setting: undefined, argv: [], env: { KEPT_EMPTY: '0' } })).toBe(false);
  });
});

describe('native binding for Electron', () => {
  const input = { appPath: '/repo', electronVersion: '41.7.1', betterSqlite3Version: '12.11.1', platform: 'linux', arch: 'x64' };

  it('is found where scripts/electron-native.mjs builds it', async () => {
    const script = (await import(SCRIPT)) as ElectronNativeScript;
    expect(electronSqliteBindingPath(input)).toBe(join(script.electronNativeDir({ root: '/repo', ...input }), 'better_sqlite3.node'));
  });

  it('is used in development when present, never in a packaged app', () => {
    const path = electronSqliteBindingPath(input);
    expect(chooseNativeBinding({ ...input, isPackaged: false, exists: (f) => f === path })).toBe(path);
    expect(chooseNativeBinding({ ...input, isPackaged: false, exists: () => false })).toBeUndefined();
    expect(chooseNativeBinding({ ...input, isPackaged: true, exists: () => true })).toBeUndefined();
  });
});

describe('menuTemplate', () => {
  const roles = (template: ReturnType<typeof menuTemplate>) => JSON.stringify(template);

  it('offers DevTools and reload only in development', () => {
    expect(roles(menuTemplate({ platform: 'win32', development: true }))).toContain('toggleDevTools');
    expect(roles(menuTemplate({ platform: 'win32', development: false }))).not.toMatch(/toggleDevTools|"reload"/);
  });

  it('has the macOS app menu on macOS only', () => {
    expect(menuTemplate({ platform: 'darwin', development: false })[0]).toEqual({ role: 'appMenu' });
    expect(menuTemplate({ platform: 'linux', development: false })[0]).toEqual({ role: 'fileMenu', label: 'File' });
  });

  it('gives no top-level menu a mnemonic, so Alt+letter reaches the console', () => {
    for (const item of menuTemplate({ platform: 'win32', development: false })) {
      expect(item.label).toBeDefined();
      expect(item.label).not.toContain('&');
    }
  });
});

describe('idleLockMinutes', () => {
  it('takes whole minutes from 1 to 240 and falls back to 15 for anything else', () => {
    expect(idleLockMinutes(undefined)).toBe(15);
    expect(idleLockMinutes(5)).toBe(5);
    expect(idleLockMinutes(240)).toBe(240);
    for (const bad of [0, -5, 241, 2.5, '10', null, Number.NaN, Number.POSITIVE_INFINITY]) expect(idleLockMinutes(bad)).toBe(15);
  });
});

describe('serverUrlSetting', () => {
  it('reads a valid team server as its origin; none or a bad one (hand-edited) leaves the desk standalone', () => {
    expect(serverUrlSetting('https://kept.example.cn/')).toBe('https://kept.example.cn');
    expect(serverUrlSetting('http://127.0.0.1:5178')).toBe('http://127.0.0.1:5178');
    for (const bad of [undefined, null, '', 42, 'http://kept.example.cn', 'ftp://kept.example.cn', 'https://u:p@kept.example.cn'])
      expect(serverUrlSetting(bad)).toBeNull();
  });
});
