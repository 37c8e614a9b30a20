import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared';
import type { BundleTables } from './validate-bundle';

/** The bundle's version: sha256 of its canonical content, so formatting never changes it and any rule change does. */
export function bundleVersion(tables: BundleTables): string {
  return createHash('sha256').update(canonicalJson(tables)).digest('hex');
}
