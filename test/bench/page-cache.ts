import { execFileSync } from 'node:child_process';
import type Database from 'better-sqlite3';
import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Whether the database file is in the OS page cache when a measure starts. It is the biggest
 * single factor in the numbers (a random customer's rows read from disk cost several times more
 * than from memory), so each measure starts from a stated, repeatable state instead of whatever
 * the build or the last run left behind.
 *  - hot:  every page in memory, as on a machine that has been serving the data for a while.
 *  - cold: none of this file in memory, as for a customer nobody has opened since the machine
 *          started; the warm-up then brings in the upper index levels, the sampled rows stay cold.
 */
export type CacheMode = 'hot' | 'cold';

/** Reads the whole file once, so the OS keeps it in its page cache. */
function preload(file: string): void {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(8 * 2 ** 20);
    while (readSync(fd, chunk, 0, chunk.length, null) > 0);
  } finally {
    closeSync(fd);
  }
}

/**
 * Drops this one file's pages from the page cache (GNU dd's `nocache` is posix_fadvise
 * DONTNEED). Unlike dropping all caches it needs no privileges and leaves other work alone.
 */
function evict(file: string): void {
  try {
    execFileSync('dd', [`if=${file}`, 'iflag=nocache', 'count=0'], { stdio: 'ignore' });
  } catch (error) {
    throw new Error(`--cache cold needs GNU dd (Linux) to evict ${file} from the page cache.`, { cause: error });
  }
}

// Measures only read, so a file read in once stays hot for the rest of the run; reading 13 GB
// again per measure would cost minutes on a slow disk.
const preloaded = new Set<string>();

/**
 * The same states for a set of files (PostgreSQL's data files), without the SQLite connection's
 * own cache: PostgreSQL's shared buffers (128 MB here) keep what they hold.
 */
export function prepareFilesCache(files: readonly string[], mode: CacheMode): number {
  const start = performance.now();
  for (const file of files) {
    if (mode === 'cold') {
      evict(file);
      preloaded.delete(file);
    } else if (!preloaded.has(file)) {
      preload(file);
      preloaded.add(file);
    }
  }
  return (performance.now() - start) / 1000;
}

/**
 * Sets the file's page-cache state, and empties the connection's own page cache so a measure
 * never reads the pages the previous measure left there. Returns the seconds it took.
 */
export function preparePageCache(raw: Database.Database, file: string, mode: CacheMode): number {
  const start = performance.now();
  raw.pragma('shrink_memory');
  if (mode === 'cold') {
    evict(file);
    preloaded.delete(file);
  } else if (!preloaded.has(file)) {
    preload(file);
    preloaded.add(file);
  }
  return (performance.now() - start) / 1000;
}
