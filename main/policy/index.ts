export { PolicyBundleError } from './bundle-error';
export { DEFAULT_BUNDLE } from './default-bundle';
export { loadPolicy, type Policy, type TableAnswer } from './engine';
export { type LivePolicy, livePolicy } from './live';
export { pairTable } from './pair';
export { readBundleDir } from './load-dir';
export { REQUIRED_TABLES, type TableName } from './tables';
export { type BundleFiles, type BundleTables, validateBundle } from './validate-bundle';
export { bundleVersion } from './version';
