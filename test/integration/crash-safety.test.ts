import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempCore, type TempCore } from '../fixtures/temp-core';

const QUICK = process.env.KEPT_QUICK === '1';
const CYCLES = QUICK ? 8 : 50;
const root = resolve(__dirname, '..', '..');
const writer = join(root, 'test/fixtures/note-writer.ts');
// Node itself with tsx's loader, not the tsx CLI: the CLI runs the script in a grandchild that a
// SIGKILL to the CLI would leave running.
const tsxLoader = ['--import', 'tsx'];

let t: TempCore;
let caseId: string;

beforeAll(async () => {
  t = await openTempCore({ empty: true });
  const customer = await t.call('customers.create', { name: '断电测试', phone: '13100000099' });
  caseId = (await t.call('cases.create', { customerId: customer.id, title: '崩溃测试', category: 'other' })).id;
  await t.close(); // the child is the only writer; the parent only reads between kills
});
afterAll(() => t.dispose());

/** Starts the writer, lets it write for a random moment after it is ready, then SIGKILLs it. Returns acknowledged ids. */
function runAndKill(random: () => number): Promise<string[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...tsxLoader, writer, t.file, caseId], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdout.on('data', (chunk) => {
      buffer += String(chunk);
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), Math.floor(random() * 300));
        else if (line.startsWith('ack ')) acked.push(line.slice(4));
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolvePromise(acked);
      else reject(new Error(`writer exited without being killed: ${stderr}`));
    });
  });
}

describe('crash safety', () => {
  it(
    `every acknowledged note survives ${CYCLES} SIGKILLs at random moments, and the database stays intact`,
    async () => {
      let seed = 42;
      const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      let total = 0;
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        const acked = await runAndKill(random);
        total += acked.length;
        const db = new Database(t.file);
        try {
          const present = new Set((db.prepare('select id from notes').all() as { id: string }[]).map((r) => r.id));
          const lost = acked.filter((id) => !present.has(id));
          expect(lost, `cycle ${cycle}: acknowledged notes lost`).toEqual([]);
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          // the search index is written in the same transaction: it never runs ahead of or behind the notes
          const indexed = (db.prepare('select rowid from notes_fts where notes_fts match \'"崩溃测试"\'').all() as { rowid: number }[]).map(
            (r) => r.rowid,
          );
          const rowids = (db.prepare('select rowid from notes').all() as { rowid: number }[]).map((r) => r.rowid);
          expect(indexed.sort((a, b) => a - b)).toEqual(rowids.sort((a, b) => a - b));
        } finally {
          db.close();
        }
      }
      expect(total).toBeGreaterThan(CYCLES); // the writer really wrote between kills
    },
    QUICK ? 120_000 : 600_000,
  );
});
