import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_USER_MODEL_ID } from '../../main/app/app-identity';

/**
 * electron-builder.yml checked offline: the same schema validation electron-builder runs before
 * packaging (unknown or misplaced keys fail), plus the settings the desktop depends on.
 */
const ROOT = resolve(__dirname, '..', '..');
const requireFromRoot = createRequire(join(ROOT, 'package.json'));

type Configuration = Record<string, unknown>;
interface DebugLogger {
  isEnabled: boolean;
  add(key: string, value: unknown): void;
}
interface ConfigModule {
  validateConfiguration(config: Configuration, debugLogger: DebugLogger): Promise<void>;
}
interface YamlModule {
  load(text: string): unknown;
}

const { validateConfiguration } = requireFromRoot('app-builder-lib/out/util/config/config') as ConfigModule;
// electron-builder reads its YAML with js-yaml; use the same parser.
const yaml = requireFromRoot(requireFromRoot.resolve('js-yaml', { paths: [requireFromRoot.resolve('app-builder-lib')] })) as YamlModule;

const debugLogger: DebugLogger = { isEnabled: false, add: () => undefined };
const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Configuration;

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own validation', async () => {
    await expect(validateConfiguration(structuredClone(config), debugLogger)).resolves.toBeUndefined();
  });

  it('would be rejected if it had an unknown key (the check is real)', async () => {
    await expect(validateConfiguration({ ...structuredClone(config), notAnOption: true }, debugLogger)).rejects.toThrow(
      /notAnOption|unknown|additional/i,
    );
  });

  it('names the app and packs only the build and package.json', () => {
    expect(config.appId).toBe('com.kept.console');
    // The identity the desktop gives Windows for its notifications is the installer's.
    expect(APP_USER_MODEL_ID).toBe(config.appId);
    expect(config.productName).toBe('Kept');
    expect(config.files).toEqual(['out/**', 'package.json']);
  });

  it('keeps better-sqlite3 outside the asar archive and rebuilds it for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.npmRebuild).not.toBe(false);
  });

  it('flips the fuses that close Node-style entry points in the installed app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('targets macOS, Windows and Linux', () => {
    expect(Object.keys(config)).toEqual(expect.arrayContaining(['mac', 'win', 'linux']));
  });

  it('points at the built main bundle through package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main?: string; type?: string };
    expect(pkg.main).toBe('out/main/index.js');
    // "type": "module" would turn the preload into ESM, which a sandboxed preload cannot load.
    expect(pkg.type).toBeUndefined();
  });
});
