import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleFiles } from './validate-bundle';

/** Reads an administrator's bundle directory (every *.json file), as text so syntax errors are reported by file. */
export function readBundleDir(dir: string): BundleFiles {
  const files: BundleFiles = {};
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) files[name] = readFileSync(join(dir, name), 'utf8');
  return files;
}
