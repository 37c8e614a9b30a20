import { readFileSync } from 'node:fs';
import type { SampledCustomer } from '../measure';

export interface Timed {
  samplesMs: number[];
  /** Per-operation means that explain the times; stable across machines where the times are not. */
  details: Record<string, number>;
}

interface IoCounters {
  /** read() calls: SQLite fetches one page per call from the OS, so this counts pages it had to ask for. */
  syscr: number;
  /** Bytes that really came from the disk, not from the page cache. */
  read_bytes: number;
}

/** This process's I/O counters on Linux; null elsewhere, and the I/O details are then left out. */
function ioCounters(): IoCounters | null {
  try {
    const fields = Object.fromEntries(
      readFileSync('/proc/self/io', 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split(': ') as [string, string]),
    );
    return { syscr: Number(fields.syscr), read_bytes: Number(fields.read_bytes) };
  } catch {
    return null;
  }
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Runs `once` over the warm-up customers unmeasured, then over the sample, timing each call.
 * Strictly sequential: a screen pop is one agent waiting for one answer.
 */
export async function timeEach(
  warmup: readonly SampledCustomer[],
  sample: readonly SampledCustomer[],
  once: (customer: SampledCustomer) => Promise<void> | void,
): Promise<Timed> {
  for (const customer of warmup) await once(customer);
  const samplesMs: number[] = [];
  const cpuBefore = process.cpuUsage();
  const ioBefore = ioCounters();
  for (const customer of sample) {
    const start = performance.now();
    await once(customer);
    samplesMs.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const ioAfter = ioCounters();
  const n = Math.max(1, sample.length);
  // CPU far below wall time means the operations waited: on the disk, or for a busy core.
  const details: Record<string, number> = { cpuMsMean: round3((cpu.user + cpu.system) / 1000 / n) };
  if (ioBefore && ioAfter) {
    details.osPageReadsMean = round3((ioAfter.syscr - ioBefore.syscr) / n);
    details.diskKiBMean = round3((ioAfter.read_bytes - ioBefore.read_bytes) / 1024 / n);
  }
  return { samplesMs, details };
}
