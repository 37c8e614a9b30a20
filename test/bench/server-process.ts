import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
/** What of the server's output an error message quotes. */
const QUOTE_OUTPUT_CHARS = 20_000;

export interface ServerProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The server's output (start line, request log: one JSON line per answer), as written so far. */
  output(): string;
  /** SIGTERM (the server closes its pools and exits), wait for the exit, and remove the output file. */
  stop(): Promise<void>;
}

/**
 * `server/main.ts` in its own process, on port 0 (the system picks a free one), with `args` (e.g.
 * `--data-dir`, `--database-url`). Resolves once it prints its start line.
 *
 * Its output goes to a file, not a pipe to this process: on Linux a write to a pipe blocks the writer
 * while the pipe is full, and the server writes its request log with `console.log`. A busy benchmark
 * process reading late stalled the servers' event loops for seconds (measured with `--cpu-prof`:
 * most of the server's busy time was `writev`).
 */
export function startServerProcess(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; nodeArgs?: readonly string[] } = {},
): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'kept-server-out-'));
  const file = join(dir, 'output.log');
  const fd = openSync(file, 'w');
  // nodeArgs: e.g. `--cpu-prof`, to profile the server under a load.
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'server/main.ts', '--port', '0', ...args], {
    cwd: ROOT,
    env: options.env ?? process.env,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd); // the child has its own copy
  const output = () => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return new Promise((resolveStart, rejectStart) => {
    const started = performance.now();
    const poll = setInterval(() => {
      const text = output();
      const url = /Kept console: (http:\/\/[^/\s]+)\//.exec(text)?.[1];
      if (url) {
        clearInterval(poll);
        resolveStart({ child, url, output, stop });
      } else if (child.exitCode !== null || child.signalCode !== null) {
        clearInterval(poll);
        rmSync(dir, { recursive: true, force: true });
        rejectStart(
          new Error(`The server exited with ${child.exitCode ?? child.signalCode} before it started:\n${text.slice(-QUOTE_OUTPUT_CHARS)}`),
        );
      } else if (performance.now() - started > 120_000) {
        clearInterval(poll);
        child.kill('SIGKILL');
        rmSync(dir, { recursive: true, force: true });
        rejectStart(new Error(`The server did not start within 120 s:\n${text.slice(-QUOTE_OUTPUT_CHARS)}`));
      }
    }, 50);
  });
}

export interface Session {
  name: string;
  value: string;
}

/** Signs a person in as the console's sign-in page does; returns the session cookie (name=value). */
export async function signIn(url: string, employeeNo: string, password: string): Promise<Session> {
  const response = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ employeeNo, password }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!response.ok || !cookie) throw new Error(`Could not sign ${employeeNo} in: ${response.status}`);
  const [name, ...value] = cookie.split('=');
  return { name: name!, value: value.join('=') };
}

/** A POST to the server as a signed-in person; the answer's envelope, unwrapped, or an error naming the route. */
export async function postAs<T>(url: string, session: Session, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url, cookie: `${session.name}=${session.value}` },
    body: JSON.stringify(body),
  });
  const envelope = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!envelope.ok) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

/** A procedure over `/api/rpc`, as the browser console calls it. */
export function rpc<T>(url: string, session: Session, procedure: string, input: unknown): Promise<T> {
  return postAs<T>(url, session, `/api/rpc/${procedure}`, { input });
}
