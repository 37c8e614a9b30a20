import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'kept.lock';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Another Kept server (pid ${pid}) is using ${dataDir}. Stop it, or start this one with another --data-dir. ` +
        `If no such process is running, delete ${join(dataDir, LOCK_FILE)}.`,
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Two servers on one SQLite file would both write: the data directory holds `kept.lock` with the
 * owner's pid, created exclusively (written whole, then hard-linked into place). A lock left by a process that no longer exists is taken over;
 * a live owner refuses the start. Returns the release, which removes the lock only while it is still ours.
 */
export function lockDataDir(dataDir: string, pid: number = process.pid): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 5; attempt++) {
    // Written whole under a private name, then linked into place: link fails if the lock exists,
    // and a lock that exists always holds its owner's pid.
    const mine = `${file}.${pid}`;
    writeFileSync(mine, `${pid}\n`, { mode: 0o600 });
    try {
      linkSync(mine, file);
      return () => {
        if (readPid(file) === pid) rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(mine, { force: true });
    }
    const owner = readPid(file);
    if (owner !== null && owner !== pid && isAlive(owner)) throw new DataDirLockedError(dataDir, owner);
    // Stale (or unreadable): move it out of the way; of two servers doing this at once, one rename wins.
    const aside = `${file}.stale-${pid}`;
    try {
      renameSync(file, aside);
      rmSync(aside, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new Error(`Could not take the lock ${file}.`);
}
