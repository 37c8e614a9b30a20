import type { Core } from '../../main/core';
import type { SqliteHandle } from '../../main/db';
import type { Agent } from '../../shared';
import type { Dataset } from './dataset';
import type { CacheMode } from './page-cache';

/** A customer picked for a sample, with the number as it reached the agent's screen. */
export interface SampledCustomer {
  customerId: string;
  e164: string;
  /** How a person types it, e.g. "138 0013 8000"; what the lookup receives. */
  typed: string;
}

/** How many operations to time, and which: what every measure is given. */
export interface RunSettings {
  /** Measured operations per measure, and unmeasured ones run first to warm caches and the JIT. */
  iterations: number;
  warmup: number;
  seed: number;
  /** The load measure's simulated desks and how long they work (`--desks`, `--seconds`). */
  desks: number;
  seconds: number;
  /** How often each simulated desk takes a call (`--call-every`). */
  callEverySeconds: number;
}

/** Everything a measure on the synthetic database may use. The database is opened as the app opens it (openSqlite). */
export interface BenchContext extends RunSettings {
  dataset: Dataset;
  sqlite: SqliteHandle;
  core: Core;
  /** A floor agent from the dataset, as the caller of core. */
  actor: Agent;
  /** `count` customers drawn uniformly with a seeded generator: the same seed, the same customers. */
  sampleCustomers(count: number, seed: number): SampledCustomer[];
  /** The page-cache state asked for (`--cache`). */
  cache: CacheMode;
  /** Runs `close` when the run ends (e.g. a PostgreSQL copy of the dataset opened by a measure). */
  atEnd(close: () => Promise<void>): void;
}

/** A latency target, checked against one statistic of the samples. */
export interface Target {
  stat: 'p50' | 'p95' | 'p99';
  maxMs: number;
  /** Where the target is meant to hold, e.g. "at 1M customers". */
  scope: string;
}

export interface MeasureResult {
  /** One duration per operation, in milliseconds. */
  samplesMs: number[];
  /** Facts that help read the numbers (e.g. mean items per page); printed and saved as is. */
  details?: Record<string, number | string>;
  /** Why the target is missed whatever the statistic says (e.g. lost writes, errors); empty or absent when nothing else failed. */
  missed?: string[];
}

/**
 * One benchmark. A new measure is one file in measures/ exporting this, plus a line in
 * measures/index.ts.
 */
export interface Measure {
  /** Short and stable: it is the key in results JSON, compared across runs. */
  name: string;
  title: string;
  target?: Target;
  /** Too long for the default run: runs only when named in `--only`. */
  optIn?: true;
  run(ctx: BenchContext): Promise<MeasureResult>;
}

/**
 * A benchmark that brings its own data (e.g. a real server with the demo set) and does not need the
 * synthetic database: `npm run bench -- --only <name>` then skips building or opening it.
 */
export interface StandaloneMeasure {
  name: string;
  title: string;
  target?: Target;
  standalone: true;
  /** Too long for the default run: runs only when named in `--only`. */
  optIn?: true;
  run(settings: RunSettings): Promise<MeasureResult>;
}

export type AnyMeasure = Measure | StandaloneMeasure;
