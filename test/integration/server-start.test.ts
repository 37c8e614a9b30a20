import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../server/data-lock';

// The real `server/main.ts`, as `npm run serve` starts it: what it refuses, what it says and what it leaves behind.
const root = resolve(__dirname, '..', '..');
let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'kept-start-'));
});
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  url?: string;
  code?: number | null;
  stdout: () => string;
  stderr: () => string;
}

/** Starts the server; resolves once it listens (with its url) or once it exits (with its code). */
function start(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', '--empty', '--data-dir', dataDir, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  const started: Started = { child, stdout: () => stdout, stderr: () => stderr };
  return new Promise((done) => {
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
      const url = /Kept console: (http:\/\/[^/\s]+)\//.exec(stdout)?.[1];
      if (url && !started.url) done({ ...started, url });
    });
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.once('exit', (code) => done({ ...started, code }));
  });
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()));

describe('starting the server', () => {
  it('refuses to listen beyond this machine without sign-in (test mode, --agent), in one clear line', async () => {
    const run = await start(['--host', '0.0.0.0', '--agent', '20001', '--test-clock']);
    expect(run.code).toBe(1);
    const lines = run.stderr().trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^Kept server could not start: Refusing to listen on 0\.0\.0\.0 without sign-in/)]);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('listens beyond this machine with sign-in, where a call without a session is refused', async () => {
    const run = await start(['--host', '0.0.0.0']);
    expect(run.url, run.stderr()).toBeDefined();
    expect(run.stdout()).toContain('sign-in required');
    const port = new URL(run.url!).port;
    const res = await fetch(`http://127.0.0.1:${port}/api/rpc/session.me`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: {} }),
    });
    expect(res.status).toBe(401);
    run.child.kill('SIGTERM');
    await exited(run.child);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('warns loudly about the test clock, logs requests, locks the data directory and lets go on stop', async () => {
    const first = await start(['--test-clock', '--agent', '20001']);
    expect(first.url).toBeDefined();
    expect(first.stderr()).toMatch(/^WARNING: the test clock is on/m);
    expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8').trim()).toBe(String(first.child.pid));

    const res = await fetch(`${first.url}/api/rpc/customers.lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: { phone: '13912345678' } }),
    });
    expect(res.status).toBe(200);
    await expect.poll(() => first.stdout()).toMatch(/"route":"customers.lookup"/);
    expect(first.stdout()).not.toContain('13912345678');

    const second = await start([]);
    expect(second.code).toBe(1);
    expect(second.stderr()).toContain(`Another Kept server (pid ${first.child.pid}) is using ${dataDir}`);

    first.child.kill('SIGTERM');
    await exited(first.child);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('takes over the lock of a server that was killed outright', async () => {
    const crashed = await start([]);
    expect(crashed.url).toBeDefined();
    crashed.child.kill('SIGKILL');
    await exited(crashed.child);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);

    const next = await start([]);
    expect(next.url, next.stderr()).toBeDefined();
    expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8').trim()).toBe(String(next.child.pid));
    next.child.kill('SIGTERM');
    await exited(next.child);
  });
});
