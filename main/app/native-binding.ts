import { join } from 'node:path';

export interface NativeBindingInput {
  /** The app folder (the repository root when run with `electron .`). */
  appPath: string;
  isPackaged: boolean;
  electronVersion: string;
  betterSqlite3Version: string;
  platform: string;
  arch: string;
  exists: (file: string) => boolean;
}

/**
 * Where scripts/electron-native.mjs puts better-sqlite3 built for Electron's ABI. Keep in step
 * with `electronNativeDir` there (a test checks both give the same path).
 */
export function electronSqliteBindingPath(input: Omit<NativeBindingInput, 'isPackaged' | 'exists'>): string {
  const folder = `better-sqlite3-${input.betterSqlite3Version}-electron-${input.electronVersion}-${input.platform}-${input.arch}`;
  return join(input.appPath, '.cache', 'electron-native', folder, 'better_sqlite3.node');
}

/**
 * The nativeBinding to pass to better-sqlite3. A packaged app's node_modules was rebuilt for
 * Electron by electron-builder, so it needs none. In development node_modules holds Node's build
 * (for tests and the server), so main uses the separate Electron build when it is there.
 */
export function chooseNativeBinding(input: NativeBindingInput): string | undefined {
  if (input.isPackaged) return undefined;
  const candidate = electronSqliteBindingPath(input);
  return input.exists(candidate) ? candidate : undefined;
}
