import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, resolve } from 'node:path';

/** Removes the throw-away database the run's server used; only a kept-e2e-* folder in the temp dir. */
export default function globalTeardown(): void {
  const dir = process.env.KEPT_E2E_DATA_DIR;
  if (!dir) return;
  const full = resolve(dir);
  if (dirname(full) !== resolve(tmpdir()) || !basename(full).startsWith('kept-e2e-')) return;
  rmSync(full, { recursive: true, force: true });
}
