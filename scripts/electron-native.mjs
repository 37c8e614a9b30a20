#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into its own folder, .cache/electron-native/, and leaves
// node_modules/better-sqlite3 (Node's ABI, used by tests and the server) untouched. The desktop
// main process finds this build by the same folder name (main/app/native-binding.ts) and passes
// it to better-sqlite3 as `nativeBinding`. A packaged app does not need it: electron-builder
// rebuilds node_modules for Electron while packaging.
//
//   node scripts/electron-native.mjs          build if missing, print the path
//   node scripts/electron-native.mjs --force  rebuild
//
// Needs the network once per Electron version (a prebuilt binary from better-sqlite3's releases,
// or Electron's headers to compile against).
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');

function versionOf(pkg) {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

/** The folder for one (better-sqlite3, Electron, platform, arch); keep in step with main/app/native-binding.ts. */
export function electronNativeDir({ root, betterSqlite3Version, electronVersion, platform, arch }) {
  return join(root, '.cache', 'electron-native', `better-sqlite3-${betterSqlite3Version}-electron-${electronVersion}-${platform}-${arch}`);
}

export function electronNativeTarget(root = ROOT) {
  const dir = electronNativeDir({
    root,
    betterSqlite3Version: versionOf('better-sqlite3'),
    electronVersion: versionOf('electron'),
    platform: process.platform,
    arch: process.arch,
  });
  return { dir, binding: join(dir, 'better_sqlite3.node') };
}

/** Makes sure the Electron build exists; returns its path. Throws with a plain explanation if it cannot. */
export async function ensureElectronNative({ force = false, log = console.log } = {}) {
  const target = electronNativeTarget();
  if (!force && existsSync(target.binding)) return target.binding;

  const electronVersion = versionOf('electron');
  const work = join(ROOT, '.cache', 'electron-native', 'work');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'node_modules'), { recursive: true });
  // A throw-away app holding a copy of better-sqlite3's sources, so the rebuild cannot touch
  // the copy in node_modules that Node uses.
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({
      name: 'kept-electron-native',
      version: '0.0.0',
      private: true,
      dependencies: { 'better-sqlite3': versionOf('better-sqlite3') },
    }),
  );
  cpSync(join(ROOT, 'node_modules', 'better-sqlite3'), join(work, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (source) => !source.includes(`${join('better-sqlite3', 'build')}`),
  });

  log(`Building better-sqlite3 for Electron ${electronVersion} (${process.platform}-${process.arch}) ...`);
  try {
    await rebuildInto(work, electronVersion, target);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return target.binding;
}

async function rebuildInto(work, electronVersion, target) {
  let rebuild;
  try {
    ({ rebuild } = await import('@electron/rebuild'));
  } catch {
    throw new Error('@electron/rebuild is not installed (npm ci installs it with electron-builder).');
  }
  try {
    await rebuild({
      buildPath: work,
      electronVersion,
      arch: process.arch,
      force: true,
      onlyModules: ['better-sqlite3'],
      mode: 'sequential',
    });
  } catch (error) {
    throw new Error(
      `Could not build better-sqlite3 for Electron ${electronVersion}: ${error instanceof Error ? error.message : String(error)}\n` +
        'This needs the network once (a prebuilt binary from GitHub or Electron headers from electronjs.org).',
    );
  }
  const built = join(work, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) throw new Error(`The rebuild finished but ${built} is missing.`);
  mkdirSync(target.dir, { recursive: true });
  renameSync(built, target.binding);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const binding = await ensureElectronNative({ force: process.argv.includes('--force') });
    console.log(`better-sqlite3 for Electron: ${binding}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
