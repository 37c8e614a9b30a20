import { type ChildProcess, spawn } from 'node:child_process';
import { DEMO_AGENTS, DEMO_PASSWORD } from '../../main/core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { LOCK_FILE } from '../../server/data-lock';
import { startPostgres, type TestPostgres } from '../fixtures/embedded-postgres';

// The real `server/main.ts` with a PostgreSQL connection string: two instances on one database.
const root = resolve(__dirname, '..', '..');
let cluster: TestPostgres;
let url: string;
let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  cluster = await startPostgres();
  url = await cluster.createDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'kept-start-pg-'));
}, 120_000);
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(children.map((c) => (c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => c.once('exit', r)))));
  await cluster?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the server; resolves once it listens (its url and start line) or exits. */
function start(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ url?: string; line?: string; code?: number | null; stderr: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', '--data-dir', dataDir, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  return new Promise((done) => {
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
      const match = /^Kept console: (http:\/\/[^/\s]+)\/.*$/m.exec(stdout);
      if (match) done({ url: match[1]!, line: match[0], stderr: () => stderr });
    });
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.once('exit', (code) => done({ code, stderr: () => stderr }));
  });
}

describe('the server on PostgreSQL', () => {
  it('starts two instances on one database (DATABASE_URL or --database-url), says which store without the password, and relays changes', async () => {
    const first = await start(['--empty'], { DATABASE_URL: url });
    expect(first.stderr()).toBe('');
    expect(first.line).toMatch(/store: PostgreSQL postgres:\/\/postgres@127\.0\.0\.1:\d+\/kept_\d+_\d+, demo data seeded;/); // (the desk agent only: --empty)
    expect(first.line).not.toContain(':postgres@');
    const second = await start(['--database-url', url]);
    expect(second.line).toMatch(/store: PostgreSQL postgres:\/\/postgres@127\.0\.0\.1:\d+\/kept_\d+_\d+; sign-in required/);
    // The data-dir lock is SQLite's: neither instance took it.
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);

    // Signed in once, on the first instance: the session is in the shared database, so the second knows it too.
    const signIn = await fetch(`${first.url!}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: first.url! },
      body: JSON.stringify({ employeeNo: DEMO_AGENTS.desk.employeeNo, password: DEMO_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const socket = new WebSocket(`${second.url!.replace('http', 'ws')}/api/events`, { headers: { origin: second.url!, cookie } });
    const events: string[] = [];
    socket.on('message', (data) => events.push(String(data)));
    await new Promise((r) => socket.once('open', r));
    const rpc = async (base: string, procedure: string, input: unknown) => {
      const response = await fetch(`${base}/api/rpc/${procedure}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base, cookie },
        body: JSON.stringify({ input }),
      });
      return ((await response.json()) as { value: { id: string } }).value;
    };
    const customer = await rpc(first.url!, 'customers.create', { name: '钱多多', phone: '139 0000 1234' });
    const kase = await rpc(first.url!, 'cases.create', { customerId: customer.id, title: '话费争议', category: 'billing' });
    const note = await rpc(first.url!, 'notes.add', { caseId: kase.id, body: '第一台服务器写的笔记' });
    // One database: the second instance reads what the first wrote.
    expect((await rpc(second.url!, 'customers.get', { id: customer.id })).id).toBe(customer.id);
    await expect.poll(() => events.some((e) => e.includes(note.id)), { timeout: 10_000 }).toBe(true);
    socket.close();
  });

  it('refuses a connection string that is not postgres:// in one line', async () => {
    const run = await start(['--database-url', 'mysql://root:secret@127.0.0.1/kept']);
    expect(run.code).toBe(1);
    expect(run.stderr().trim()).toMatch(
      /^Kept server could not start: Bad server settings: databaseUrl: a postgres:\/\/ connection string$/,
    );
    expect(run.stderr()).not.toContain('secret');
  });
});
