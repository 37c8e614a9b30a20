import { AppError } from '../../../shared';
import { type BundleFiles, type BundleTables, loadPolicy, type Policy, PolicyBundleError, REQUIRED_TABLES } from '../../policy';

/**
 * Loads an administrator's draft the way a host loads its bundle at start. A bad bundle is refused
 * as `invalid_input` whose issue names the file (`files.remedies.json`) and says what is wrong.
 */
export function loadDraft(files: BundleFiles): Policy {
  try {
    return loadPolicy(files);
  } catch (error) {
    if (error instanceof PolicyBundleError)
      throw new AppError('invalid_input', error.message, [{ path: `files.${error.file}`, message: error.problem }]);
    throw error;
  }
}

/** A bundle's tables by file name (`sla.json` → its graph): how they are stored, published and edited. */
export function filesOf(tables: BundleTables): Record<string, Record<string, unknown>> {
  return Object.fromEntries(REQUIRED_TABLES.map((name) => [`${name}.json`, tables[name] as Record<string, unknown>]));
}
