import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Dataset } from './dataset';
import type { Machine } from './machine';
import type { Target } from './measure';
import type { CacheMode } from './page-cache';
import type { Summary } from './stats';

export interface MeasureReport {
  name: string;
  title: string;
  summary: Summary;
  target: (Target & { met: boolean }) | null;
  /** Why the target is missed beyond its statistic (lost writes, errors). */
  missed: string[];
  details: Record<string, number | string>;
}

export interface RunReport {
  /** Bump when the JSON shape changes incompatibly. */
  format: 1;
  at: string;
  command: string;
  iterations: number;
  warmup: number;
  seed: number;
  cache: CacheMode;
  machine: Machine;
  dataset: {
    sizes: Dataset['sizes'];
    rows: Dataset['build']['rows'];
    file: string;
    bytes: number;
    reused: boolean;
    buildSeconds: number;
    buildPhases: Dataset['build']['phases'];
  } | null;
  measures: MeasureReport[];
}

const n = (x: number) => x.toLocaleString('en');
const ms = (x: number) => (x < 10 ? x.toFixed(3) : x.toFixed(1));
const pad = (text: string, width: number) => (text.length >= width ? text : text + ' '.repeat(width - text.length));
const padLeft = (text: string, width: number) => (text.length >= width ? text : ' '.repeat(width - text.length) + text);

function targetText({ target, missed }: MeasureReport): string {
  if (!target) return '';
  const why = missed.length ? ` (${missed.join(', ')})` : '';
  return `${target.stat} ≤ ${target.maxMs} ms ${target.scope}: ${target.met ? 'met' : 'MISSED'}${why}`;
}

export function formatReport(report: RunReport, root: string): string {
  const { machine: m, dataset: d } = report;
  const lines = [
    `Kept benchmark  ${report.at}${m.commit ? `  commit ${m.commit}` : ''}`,
    `machine  ${m.cpu} · ${m.cores} cores · ${m.ramGiB} GiB RAM · Node ${m.node} · ${m.os} · SQLite ${m.sqlite} · load ${m.loadAverage}`,
    ...(d
      ? [
          `dataset  ${n(d.rows.customers)} customers (${n(d.rows.customer_phones)} phones) · ${n(d.rows.contacts)} contacts · ${n(d.rows.notes)} notes · ${n(d.rows.cases)} cases · ${n(d.rows.agents)} agents`,
          `         ${(d.bytes / 2 ** 30).toFixed(2)} GiB at ${relative(root, d.file)} · ${d.reused ? 'reused from cache' : 'built now'} (build took ${d.buildSeconds.toFixed(1)} s)`,
        ]
      : ['dataset  none: the measures run bring their own data (see their details)']),
    d
      ? `runs     ${n(report.iterations)} measured per measure after ${n(report.warmup)} warm-up, seed ${report.seed}, page cache ${report.cache} at the start of each measure`
      : `runs     up to ${n(report.iterations)} measured after up to ${n(report.warmup)} warm-up, seed ${report.seed} (each measure's details say how many)`,
    '',
  ];
  const header = [
    pad('measure', 18),
    padLeft('n', 6),
    padLeft('p50 ms', 9),
    padLeft('p95 ms', 9),
    padLeft('p99 ms', 9),
    padLeft('mean ms', 9),
    padLeft('max ms', 9),
    '  target',
  ];
  lines.push(header.join(''));
  for (const measure of report.measures) {
    const s = measure.summary;
    lines.push(
      [
        pad(measure.name, 18),
        padLeft(n(s.n), 6),
        padLeft(ms(s.p50), 9),
        padLeft(ms(s.p95), 9),
        padLeft(ms(s.p99), 9),
        padLeft(ms(s.mean), 9),
        padLeft(ms(s.max), 9),
        `  ${targetText(measure)}`,
      ]
        .join('')
        .trimEnd(),
    );
  }
  lines.push('');
  for (const measure of report.measures) {
    const details = Object.entries(measure.details).map(([key, value]) => `${key} ${value}`);
    lines.push(`${measure.name}: ${measure.title}${details.length ? ` (${details.join(', ')})` : ''}`);
  }
  return lines.join('\n');
}

/** Writes bench/results/<timestamp>.json and bench/results/latest.json; returns the first path. */
export function writeReport(report: RunReport, resultsDir: string): string {
  mkdirSync(resultsDir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const file = join(resultsDir, `${report.at.replaceAll(':', '-').replace(/\.\d+Z$/, 'Z')}.json`);
  writeFileSync(file, json);
  writeFileSync(join(resultsDir, 'latest.json'), json);
  return file;
}
