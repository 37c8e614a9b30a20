import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
/** What is kept of the server's output for an error message: its request log can be long. */
const KEEP_OUTPUT_CHARS = 20_000;

export interface ServerProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** SIGTERM (the server closes its pools and exits) and wait for the exit. */
  stop(): Promise<void>;
}

/**
 * `server/main.ts` in its own process, on port 0 (the system picks a free one), with `args` (e.g.
 * `--data-dir`, `--database-url`). Resolves once it prints its start line. Its output is read as it
 * comes (the request log would otherwise fill the pipe and stall the server): each line after the
 * start line goes to `onLine`, and the tail is kept for the error message if it exits early.
 */
export function startServerProcess(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; onLine?: (line: string) => void } = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', ...args], {
    cwd: ROOT,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolveStart, rejectStart) => {
    let output = '';
    let started = false;
    let partial = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rejectStart(new Error(`The server did not start within 120 s:\n${output}`));
    }, 120_000);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-KEEP_OUTPUT_CHARS);
      if (started && options.onLine) {
        const lines = (partial + chunk.toString()).split('\n');
        partial = lines.pop()!;
        for (const line of lines) options.onLine(line);
      }
      const url = !started && /Kept console: (http:\/\/[^/\s]+)\//.exec(output)?.[1];
      if (url) {
        started = true;
        clearTimeout(timer);
        resolveStart({ child, url, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!started) rejectStart(new Error(`The server exited with ${code} before it started:\n${output}`));
    });
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
