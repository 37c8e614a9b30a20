import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './shell-build';

/**
 * The electronegativity gate (tools/electronegativity/check.mjs) passes on our code and fails
 * when a known-bad pattern appears, on copies of the shell in a temporary folder.
 */
const CHECK = join(ROOT, 'tools', 'electronegativity', 'check.mjs');
const ACCEPTED = join(ROOT, 'tools', 'electronegativity', 'accepted.json');

interface Run {
  code: number | null;
  output: string;
}

function check(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHECK, ...args], { cwd: ROOT });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

let fixtures: string;
let ours: Run;
let withBadWindow: Run;

beforeAll(async () => {
  fixtures = mkdtempSync(join(tmpdir(), 'kept-electronegativity-'));
  // A copy of the shell with one window that throws the baseline away.
  const bad = join(fixtures, 'bad');
  for (const folder of ['app', 'preload', 'ipc']) cpSync(join(ROOT, 'main', folder), join(bad, folder), { recursive: true });
  writeFileSync(
    join(bad, 'app', 'debug-window.ts'),
    [
      "import { BrowserWindow } from 'electron';",
      'export function openDebugWindow(): BrowserWindow {',
      '  return new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });',
      '}',
      '',
    ].join('\n'),
  );
  [ours, withBadWindow] = await Promise.all([check([]), check(['--input', bad, '--accepted', ACCEPTED])]);
}, 180_000);

afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

describe('electronegativity gate', () => {
  it('passes on our code, every finding accepted with a reason', () => {
    expect(ours.output).toMatch(/ 0 open\./);
    expect(ours.code).toBe(0);
    const { accepted } = JSON.parse(readFileSync(ACCEPTED, 'utf8')) as { accepted: { reason: string }[] };
    for (const entry of accepted) expect(entry.reason.length).toBeGreaterThan(40);
  });

  it('fails when a window drops context isolation and the sandbox, even with our accepted list', () => {
    expect(withBadWindow.code).toBe(1);
    expect(withBadWindow.output).toMatch(/OPEN\s+CONTEXT_ISOLATION_JS_CHECK\s+app\/debug-window\.ts/);
    expect(withBadWindow.output).toMatch(/OPEN\s+SANDBOX_JS_CHECK\s+app\/debug-window\.ts/);
    expect(withBadWindow.output).toMatch(/OPEN\s+WEB_SECURITY_JS_CHECK\s+app\/debug-window\.ts/);
  });

  it('refuses inline eng-disable comments', async () => {
    const dir = join(fixtures, 'inline');
    cpSync(join(ROOT, 'main', 'app'), join(dir, 'app'), { recursive: true });
    writeFileSync(
      join(dir, 'app', 'quiet.ts'),
      "import { shell } from 'electron';\nexport const go = (u: string) => shell.openExternal(u); /* eng-disable OPEN_EXTERNAL_JS_CHECK */\n",
    );
    const run = await check(['--input', dir, '--accepted', ACCEPTED]);
    expect(run.code).toBe(2);
    expect(run.output).toMatch(/eng-disable comments are not allowed/);
  });

  it('refuses an accepted finding without a reason', async () => {
    const file = join(fixtures, 'no-reason.json');
    writeFileSync(
      file,
      JSON.stringify({ accepted: [{ check: 'OPEN_EXTERNAL_JS_CHECK', file: 'app/index.ts', code: 'shell.openExternal', reason: '' }] }),
    );
    const run = await check(['--accepted', file]);
    expect(run.code).toBe(2);
    expect(run.output).toMatch(/needs a reason/);
  });

  it('refuses files it cannot parse rather than skipping them', async () => {
    const dir = join(fixtures, 'unparsable');
    cpSync(join(ROOT, 'main', 'app'), join(dir, 'app'), { recursive: true });
    writeFileSync(join(dir, 'app', 'broken.ts'), 'export const x = ;\n');
    const run = await check(['--input', dir, '--accepted', ACCEPTED]);
    expect(run.code).toBe(2);
    expect(run.output).toMatch(/could not be parsed/);
  });
});
