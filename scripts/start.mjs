#!/usr/bin/env node
// `npm start`: build, then the desktop app. Where the Electron binary is missing (it downloads on
// `npm ci` only where the machine can reach Electron's releases), say so in one line and start
// the browser console instead, exactly as `npm run serve` does, with the same arguments.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const require = createRequire(join(ROOT, 'package.json'));

/** The Electron executable, or undefined when the package is installed without its binary. */
function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Runs a child to its end, passing Ctrl-C and SIGTERM on, and exits with its code. */
function runToEnd(command, commandArgs, env) {
  const child = spawn(command, commandArgs, { cwd: ROOT, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function build() {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main() {
  build();
  const electron = electronBinary();
  if (electron) {
    const { ensureElectronNative } = await import('./electron-native.mjs');
    await ensureElectronNative();
    const env = { ...process.env };
    // Set, it would make Electron behave as plain Node and never open a window.
    delete env.ELECTRON_RUN_AS_NODE;
    runToEnd(electron, ['.', ...args], env);
    return;
  }
  console.log('Electron is not installed on this machine; starting the browser console instead.');
  runToEnd(process.execPath, [require.resolve('tsx/cli'), 'server/main.ts', ...args], process.env);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
