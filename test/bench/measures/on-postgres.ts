import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Core, createCore } from '../../../main/core';
import { openPostgres, type PostgresHandle } from '../../../main/db';
import type { BenchContext, Measure } from '../measure';
import { prepareFilesCache } from '../page-cache';
import { ensurePgDataset, type PgDataset } from '../pg-dataset';
import { screenPop } from './screen-pop';
import { search2, search3, search6 } from './search';

const log = (line: string) => console.log(line);

/** The PostgreSQL copy of the run's dataset and a core over it, opened by the first such measure and closed when the run ends. */
let opened: { file: string; data: PgDataset; handle: PostgresHandle; core: Core } | null = null;

async function onPostgresContext(ctx: BenchContext): Promise<BenchContext> {
  if (opened?.file !== ctx.dataset.file) {
    const data = await ensurePgDataset(ctx.dataset, log);
    log(
      data.reused
        ? `Reusing the PostgreSQL copy (loaded earlier in ${data.load.seconds.toFixed(1)} s).`
        : `Loaded in ${data.load.seconds.toFixed(1)} s.`,
    );
    // Opened as the team server opens it (pg pool, Kysely), without migrating or seeding: the copy is already migrated.
    const handle = openPostgres({ connectionString: data.url });
    const core = createCore({ db: handle.db, clientId: 'bench' });
    const current = { file: ctx.dataset.file, data, handle, core };
    opened = current;
    ctx.atEnd(async () => {
      await current.handle.close();
      await current.data.stop();
      if (opened === current) opened = null;
    });
  }
  const seconds = prepareFilesCache(dataFiles(opened!.data.dataDir), ctx.cache);
  log(`  PostgreSQL data files ${ctx.cache} (${seconds.toFixed(1)} s)`);
  return { ...ctx, core: opened!.core };
}

function dataFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * `measure`, unchanged, with core on PostgreSQL: the same customers (the copy holds the same ids),
 * the same calls through dispatch. Page-read details are left out: on PostgreSQL the reads happen in
 * the database's processes, not in this one, and `cpuMsMean` is this process's share only.
 */
function onPostgres(measure: Measure): Measure {
  return {
    name: `${measure.name}-pg`,
    title: `${measure.title}, on PostgreSQL`,
    ...(measure.target ? { target: measure.target } : {}),
    optIn: true,
    async run(ctx) {
      const result = await measure.run(await onPostgresContext(ctx));
      const { osPageReadsMean: _reads, diskKiBMean: _disk, ...details } = result.details ?? {};
      return { ...result, details: { ...details, pgLoadSeconds: Math.round(opened!.data.load.seconds) } };
    },
  };
}

export const screenPopPg = onPostgres(screenPop);
export const search2Pg = onPostgres(search2);
export const search3Pg = onPostgres(search3);
export const search6Pg = onPostgres(search6);
