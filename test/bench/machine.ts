import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem, type } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  os: string;
  sqlite: string;
  /** 1-minute load average when measuring started: other work on the machine skews the tails. */
  loadAverage: number;
  /** The commit measured, so a result can be tied to the code that produced it. */
  commit: string | null;
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export function describeMachine(sqliteVersion: string): Machine {
  const all = cpus();
  return {
    cpu: all[0]?.model.trim() ?? 'unknown',
    cores: all.length,
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${type()} ${process.arch}`,
    sqlite: sqliteVersion,
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    commit: gitCommit(),
  };
}
