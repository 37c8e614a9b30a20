import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, DEMO_PASSWORD } from '../../main/core';

/** The real `npm run serve` process: what it prints and what it stores must never hold a password. */
let child: ChildProcess;
let output = '';
let base = '';
let dataDir: string;

function start(args: string[]): Promise<{ child: ChildProcess; exit: Promise<number | null> }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  proc.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return Promise.resolve({ child: proc, exit });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kept-secrets-'));
  child = (await start(['--port', '0', '--data-dir', dataDir])).child;
  base = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const url = /Kept console: (http:\/\/[^/\s]+)\//.exec(output)?.[1];
      if (url) {
        clearInterval(timer);
        resolve(url);
      }
      if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(output));
      }
    }, 50);
  });
}, 120_000);
afterAll(async () => {
  if (child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  rmSync(dataDir, { recursive: true, force: true });
});

const json = { 'content-type': 'application/json' };
const post = (path: string, body: unknown, cookie?: string) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { ...json, ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });

describe('the server process', () => {
  it('starts requiring sign-in, and refuses --agent outside test mode', async () => {
    expect(output).toContain('sign-in required');
    expect((await post('/api/rpc/session.me', { input: {} })).status).toBe(401);
    const refused = await start(['--port', '0', '--data-dir', join(dataDir, 'other'), '--agent', '30001']);
    expect(await refused.exit).toBe(1);
    expect(output).toMatch(/--agent .*needs --test-clock/);
  });

  it('never prints nor stores a password, wrong or right, nor a session or desk token', async () => {
    const wrong = 'Wrong-guess-7781';
    await post('/api/auth/sign-in', { employeeNo: '90001', password: wrong });
    await post('/api/auth/sign-in', { employeeNo: '90001', password: 'x'.repeat(500) });
    const signedIn = await post('/api/auth/sign-in', { employeeNo: '90001', password: DEMO_PASSWORD });
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
    const created = await post(
      '/api/rpc/accounts.create',
      { input: { employeeNo: '10991', name: '冯雪', role: 'agent', password: 'Silver-lake-58' } },
      cookie,
    );
    expect(created.status).toBe(200);
    const id = ((await created.json()) as { value: { id: string } }).value.id;
    expect((await post('/api/rpc/accounts.resetPassword', { input: { id, password: 'Quiet-forest-63' } }, cookie)).status).toBe(200);
    // A refused weak password is not echoed back either.
    const weak = await post('/api/rpc/accounts.resetPassword', { input: { id: DEMO_AGENTS.desk.id, password: 'password123' } }, cookie);
    expect(weak.status).toBe(400);
    const weakBody = await weak.text();
    expect(weakBody).not.toContain('password123');
    // A desk signs in, refreshes and calls with its bearer token: no token shows in the log or the database.
    const desk = await post('/api/auth/desk/sign-in', { employeeNo: '20001', password: DEMO_PASSWORD, clientId: 'desk-secrets' });
    const first = ((await desk.json()) as { value: { accessToken: string; refreshToken: string } }).value;
    const rotated = await post('/api/auth/desk/refresh', { refreshToken: first.refreshToken });
    const second = ((await rotated.json()) as { value: { accessToken: string; refreshToken: string } }).value;
    const called = await fetch(`${base}/api/rpc/session.me`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${second.accessToken}` },
      body: JSON.stringify({ input: {} }),
    });
    expect(called.status).toBe(200);
    const tokens = [first.accessToken, first.refreshToken, second.accessToken, second.refreshToken];

    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    const secrets = [wrong, DEMO_PASSWORD, 'Silver-lake-58', 'Quiet-forest-63', 'password123', cookie.split('=')[1]!, ...tokens];
    for (const secret of secrets) expect(output).not.toContain(secret);
    for (const file of readdirSync(dataDir).filter((f) => f.startsWith('kept.db'))) {
      const bytes = readFileSync(join(dataDir, file));
      for (const secret of secrets) expect(bytes.includes(Buffer.from(secret)), `${secret} in ${file}`).toBe(false);
    }
  });
});
