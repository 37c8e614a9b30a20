import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A server a test starts, stops and kills itself, apart from the one the whole run shares. */
export interface OwnServer {
  url: string;
  dataDir: string;
  /** Kills the server outright, as a crash or a power cut would: no shutdown, no flush. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data directory; as another employee when `agent` is given. */
  restart(options?: { agent?: string }): Promise<void>;
  /** Moves the server's clock and runs the commitment clock at once (needs `testClock`). */
  advanceClock(minutes: number): Promise<ClockTick>;
  /** Stops it and removes its data directory. */
  dispose(): Promise<void>;
}

/** What the commitment clock did on one turn: the promises it alerted about and those it marked broken. */
export interface ClockTick {
  now: string;
  alerted: string[];
  broken: string[];
}

export interface OwnServerOptions {
  /**
   * Test mode: a page without a session acts as this employee number (default 20001; e.g. 30001, the
   * demo supervisor). `null`: nobody — every page must sign in, as in production.
   */
  agent?: string | null;
  /** Let the test move the server's clock (POST /api/test/clock). */
  testClock?: boolean;
}

/**
 * Node runs the server with tsx's loader in the same process, so killing the child kills the
 * server itself (the tsx command would leave its own child running).
 */
function launch(port: number, dataDir: string, options: OwnServerOptions): Promise<{ child: ChildProcess; url: string }> {
  const args = [
    '--import',
    'tsx',
    'server/main.ts',
    '--port',
    String(port),
    '--data-dir',
    dataDir,
    // --agent is accepted only in test mode, which --test-clock turns on.
    ...(options.agent !== null ? ['--agent', options.agent ?? '20001', '--test-clock'] : options.testClock ? ['--test-clock'] : []),
  ];
  const child = spawn(process.execPath, args, { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not start within 120 s:\n${output}`));
    }, 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // The server says where it listens: on port 0 the system chose the port as it bound it.
      const url = /Kept console: (http:\/\/[^/\s]+)\//.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with ${code} before it started:\n${output}`));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts a server on a port the system picks as the server binds it (no gap in which another process
 * could take a port found free a moment before), and a fresh data directory (seeded with the demo
 * data on first start).
 */
export async function startOwnServer(options: OwnServerOptions = {}): Promise<OwnServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kept-e2e-own-'));
  const started = await launch(0, dataDir, options);
  const url = started.url;
  const port = Number(new URL(url).port);
  let child = started.child;
  return {
    url,
    dataDir,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async restart(again = {}) {
      child = (await launch(port, dataDir, { ...options, ...again })).child;
    },
    async advanceClock(minutes) {
      const response = await fetch(`${url}/api/test/clock`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ advanceMinutes: minutes }),
      });
      if (!response.ok) throw new Error(`The test clock answered HTTP ${response.status}: ${await response.text()}`);
      return (await response.json()) as ClockTick;
    },
    async dispose() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited(child);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
