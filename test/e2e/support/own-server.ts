import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A server a test starts, stops and kills itself, apart from the one the whole run shares. */
export interface OwnServer {
  url: string;
  dataDir: string;
  /** Kills the server outright, as a crash or a power cut would: no shutdown, no flush. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data directory. */
  restart(): Promise<void>;
  /** Stops it and removes its data directory. */
  dispose(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Node runs the server with tsx's loader in the same process, so killing the child kills the
 * server itself (the tsx command would leave its own child running).
 */
function launch(port: number, dataDir: string, agent: string | undefined): Promise<ChildProcess> {
  const args = ['--import', 'tsx', 'server/main.ts', '--port', String(port), '--data-dir', dataDir, ...(agent ? ['--agent', agent] : [])];
  const child = spawn(process.execPath, args, { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not start within 120 s:\n${output}`));
    }, 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Kept console:')) {
        clearTimeout(timer);
        resolve(child);
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

/** Starts a server on a free port and a fresh data directory (seeded with the demo data on first start). */
export async function startOwnServer(options: { agent?: string } = {}): Promise<OwnServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kept-e2e-own-'));
  const port = await freePort();
  let child = await launch(port, dataDir, options.agent);
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async restart() {
      child = await launch(port, dataDir, options.agent);
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
