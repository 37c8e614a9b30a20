import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from '../../server/data-lock';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kept-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lockFile = () => join(dir, LOCK_FILE);

/** The pid of a process that has exited and been reaped. */
function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(run.stdout);
}

describe('the data directory lock', () => {
  it('is a file holding the owner pid, created in a directory that did not exist, and removed on release', () => {
    const nested = join(dir, 'data');
    const release = lockDataDir(nested);
    expect(readFileSync(join(nested, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(existsSync(join(nested, LOCK_FILE))).toBe(false);
  });

  it('refuses a second owner while the first is alive, with a message naming the pid and the way out', () => {
    const release = lockDataDir(dir); // this process: alive
    expect(() => lockDataDir(dir, process.pid + 100_000)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir, process.pid + 100_000)).toThrow(`Another Kept server (pid ${process.pid}) is using ${dir}`);
    expect(readFileSync(lockFile(), 'utf8').trim()).toBe(String(process.pid));
    release();
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dead = deadPid();
    writeFileSync(lockFile(), `${dead}\n`);
    const release = lockDataDir(dir);
    expect(readFileSync(lockFile(), 'utf8').trim()).toBe(String(process.pid));
    release();
  });

  it('takes over an unreadable lock', () => {
    writeFileSync(lockFile(), 'not a pid');
    const release = lockDataDir(dir);
    expect(readFileSync(lockFile(), 'utf8').trim()).toBe(String(process.pid));
    release();
  });

  it('leaves alone, on release, a lock that another owner has taken since', () => {
    const release = lockDataDir(dir);
    writeFileSync(lockFile(), '1\n');
    release();
    expect(readFileSync(lockFile(), 'utf8')).toBe('1\n');
  });
});
