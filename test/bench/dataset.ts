import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from '../../main/db/migrations';
import { type BuildReport, buildDatabase } from './synthetic/build';
import type { DatasetSizes } from './synthetic/sizes';

export interface Dataset {
  file: string;
  sizes: DatasetSizes;
  bytes: number;
  /** True when an earlier run's file was used as is. */
  reused: boolean;
  /** How the file was built (on this run, or on the run that made the reused file). */
  build: BuildReport;
}

/** Bump when the generator changes what it writes, so old cached files are not reused. */
const GENERATOR_VERSION = 4;

/**
 * The cached file's name says everything that decides its content: the sizes, the generator
 * version, and the migration list (a new migration, e.g. an index, means a new file).
 */
function cacheName(sizes: DatasetSizes): string {
  return `kept-bench-g${GENERATOR_VERSION}-s${schemaHash()}-${sizeKey(sizes)}`;
}

function sizeKey(sizes: DatasetSizes): string {
  return `${sizes.customers}c-${sizes.contacts}k-${sizes.notes}n`;
}

function schemaHash(): string {
  return createHash('sha256')
    .update(migrations.map(([name]) => name).join('\n'))
    .digest('hex')
    .slice(0, 8);
}

/** Files for the same sizes from an older schema or generator: a 1M-customer file is 13 GB. */
function removeStale(cacheDir: string, current: string, sizes: DatasetSizes, log: (line: string) => void): void {
  const suffix = `-${sizeKey(sizes)}`;
  for (const entry of readdirSync(cacheDir)) {
    // `.pg` is the PostgreSQL copy of the file (a cluster directory, test/bench/pg-dataset.ts).
    const stem = entry.replace(/(\.partial)?\.(sqlite(-wal|-shm)?|build\.json|pg)$/, '');
    if (stem === entry || stem === current || !stem.startsWith('kept-bench-') || !stem.endsWith(suffix)) continue;
    rmSync(join(cacheDir, entry), { force: true, recursive: true });
    log(`Removed stale ${entry}`);
  }
}

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

/**
 * Returns the database for these sizes, building it on first use. The build goes to a temporary
 * name and is renamed only when complete, so an interrupted build is never mistaken for a cached one.
 */
export async function ensureDataset(
  cacheDir: string,
  sizes: DatasetSizes,
  options: { rebuild: boolean; log: (line: string) => void },
): Promise<Dataset> {
  mkdirSync(cacheDir, { recursive: true });
  const name = cacheName(sizes);
  const file = join(cacheDir, `${name}.sqlite`);
  const reportFile = join(cacheDir, `${name}.build.json`);

  if (!options.rebuild && existsSync(file) && existsSync(reportFile)) {
    const build = JSON.parse(readFileSync(reportFile, 'utf8')) as BuildReport;
    return { file, sizes, bytes: statSync(file).size, reused: true, build };
  }

  removeStale(cacheDir, name, sizes, options.log);
  const partial = join(cacheDir, `${name}.partial.sqlite`);
  removeDatabase(partial);
  removeDatabase(file);
  options.log(`Building ${file} …`);
  const build = await buildDatabase(partial, sizes, options.log);
  // The build checkpointed and closed, so the WAL is empty; a leftover -wal/-shm is only debris.
  if (existsSync(`${partial}-wal`) && statSync(`${partial}-wal`).size > 0) throw new Error(`${partial}-wal was not checkpointed.`);
  rmSync(`${partial}-wal`, { force: true });
  rmSync(`${partial}-shm`, { force: true });
  renameSync(partial, file);
  writeFileSync(reportFile, `${JSON.stringify(build, null, 2)}\n`);
  return { file, sizes, bytes: statSync(file).size, reused: false, build };
}
