import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const MAIN_BUNDLE = join(ROOT, 'out', 'main', 'index.js');
export const PRELOAD_BUNDLE = join(ROOT, 'out', 'preload', 'index.js');
export const RENDERER_DIR = join(ROOT, 'out', 'renderer');

const SOURCE_DIRS = ['main', 'shared'].map((d) => join(ROOT, d));
const SOURCE_FILES = ['electron.vite.config.mts', 'package.json'].map((f) => join(ROOT, f));
const LOCK_DIR = join(ROOT, '.cache', 'shell-build.lock');

function newestSourceTime(): number {
  let newest = 0;
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(ts|mts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(dir)) visit(dir);
  for (const file of SOURCE_FILES) if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  return newest;
}

function isFresh(): boolean {
  const newest = newestSourceTime();
  return [MAIN_BUNDLE, PRELOAD_BUNDLE].every((f) => existsSync(f) && statSync(f).mtimeMs >= newest);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Holds a directory lock so two test files running in parallel do not build into out/ at once. */
function withLock(run: () => void): void {
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch {
      // A lock older than three minutes belongs to a build that died.
      if (existsSync(LOCK_DIR) && Date.now() - statSync(LOCK_DIR).mtimeMs > 180_000) rmSync(LOCK_DIR, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${LOCK_DIR}`);
      sleep(200);
    }
  }
  try {
    run();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

/**
 * Makes sure out/main and out/preload are built from the current sources (`electron-vite build`).
 * The renderer is built in the same run; if only the renderer fails (it is someone else's work in
 * progress), the shell bundles are still fresh and the shell tests go on.
 */
export function ensureShellBuilt(): void {
  if (isFresh()) return;
  withLock(() => {
    if (isFresh()) return;
    const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, encoding: 'utf8', timeout: 170_000 });
    if (isFresh()) {
      if (result.status !== 0)
        console.warn(
          '[shell-build] electron-vite build failed after main and preload were built (renderer?):\n' + result.stderr.slice(-2000),
        );
      return;
    }
    throw new Error(
      `electron-vite build did not produce fresh shell bundles:\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-4000)}`,
    );
  });
}
