import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { type Dataset, ensureDataset } from './dataset';
import { closeContext, openContext } from './context';
import { describeMachine } from './machine';
import type { BenchContext, MeasureResult } from './measure';
import { measures } from './measures';
import { type BenchOptions, parseOptions, USAGE, UsageError } from './options';
import { preparePageCache } from './page-cache';
import { formatReport, type MeasureReport, type RunReport, writeReport } from './report';
import { summarize } from './stats';

const ROOT = resolve(__dirname, '../..');
const CACHE_DIR = join(ROOT, '.cache', 'bench');
const RESULTS_DIR = join(ROOT, 'bench', 'results');

const log = (line: string) => console.log(line);

async function runBench(options: BenchOptions): Promise<boolean> {
  const selected = options.only.length ? measures.filter((m) => options.only.includes(m.name)) : measures.filter((m) => !m.optIn);
  const unknown = options.only.filter((name) => !measures.some((m) => m.name === name));
  if (unknown.length) throw new UsageError(`Unknown measure(s): ${unknown.join(', ')}. Known: ${measures.map((m) => m.name).join(', ')}.`);

  // Measures that bring their own data (a real server, a browser) do not need the synthetic database.
  const needsDataset = selected.some((m) => !('standalone' in m));
  let dataset: Dataset | null = null;
  let ctx: ReturnType<typeof openContext> | null = null;
  if (needsDataset) {
    const { customers, contacts, notes } = options.sizes;
    log(
      `Dataset: ${customers.toLocaleString('en')} customers, ${contacts.toLocaleString('en')} contacts, ${notes.toLocaleString('en')} notes`,
    );
    dataset = await ensureDataset(CACHE_DIR, options.sizes, { rebuild: options.rebuild, log });
    log(
      dataset.reused
        ? `Reusing cached database ${dataset.file} (built earlier in ${dataset.build.seconds.toFixed(1)} s).`
        : `Built in ${dataset.build.seconds.toFixed(1)} s.`,
    );
    ctx = openContext(dataset, {
      iterations: options.iterations,
      warmup: options.warmup,
      seed: options.seed,
      desks: options.desks,
      seconds: options.seconds,
      callEverySeconds: options.callEverySeconds,
      cache: options.cache,
    });
  }
  try {
    const machine = describeMachine(sqliteVersion(ctx));
    const results: MeasureReport[] = [];
    for (const measure of selected) {
      let result: MeasureResult;
      if ('standalone' in measure) {
        log(`Running ${measure.name} …`);
        result = await measure.run({
          iterations: options.iterations,
          warmup: options.warmup,
          seed: options.seed,
          desks: options.desks,
          seconds: options.seconds,
          callEverySeconds: options.callEverySeconds,
        });
      } else {
        if (!ctx || !dataset) throw new Error('The synthetic database is not open.');
        const cacheSeconds = preparePageCache(ctx.sqlite.raw, dataset.file, options.cache);
        log(`Running ${measure.name} (page cache ${options.cache}, set in ${cacheSeconds.toFixed(1)} s) …`);
        result = await measure.run(ctx);
      }
      const summary = summarize(result.samplesMs);
      results.push({
        name: measure.name,
        title: measure.title,
        summary,
        target: measure.target
          ? { ...measure.target, met: summary[measure.target.stat] <= measure.target.maxMs && !result.missed?.length }
          : null,
        missed: result.missed ?? [],
        details: result.details ?? {},
      });
    }

    const report: RunReport = {
      format: 1,
      at: new Date().toISOString(),
      command: process.argv.length > 2 ? `npm run bench -- ${process.argv.slice(2).join(' ')}` : 'npm run bench',
      iterations: options.iterations,
      warmup: options.warmup,
      seed: options.seed,
      cache: options.cache,
      machine,
      dataset: dataset && {
        sizes: dataset.sizes,
        rows: dataset.build.rows,
        file: dataset.file,
        bytes: dataset.bytes,
        reused: dataset.reused,
        buildSeconds: dataset.build.seconds,
        buildPhases: dataset.build.phases,
      },
      measures: results,
    };
    log('');
    log(formatReport(report, ROOT));
    log('');
    log(`Wrote ${writeReport(report, RESULTS_DIR)} and latest.json`);
    return results.every((r) => !r.target || r.target.met);
  } finally {
    if (ctx) await closeContext(ctx);
  }
}

/** SQLite's version: the synthetic database's, or the bundled library's when no database is open. */
function sqliteVersion(ctx: BenchContext | null): string {
  const db = ctx?.sqlite.raw ?? new Database(':memory:');
  try {
    return db.prepare<[], { v: string }>('select sqlite_version() as v').get()?.v ?? 'unknown';
  } finally {
    if (!ctx) db.close();
  }
}

// CommonJS under tsx: no top-level await, so the run lives in main().
async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const allMet = await runBench(options);
  if (options.check && !allMet) {
    console.error('A measure missed its target.');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) console.error(error.message);
  else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
