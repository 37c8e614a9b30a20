import type { Agent, ProcedureInput, ProcedureName, ProcedureOutput } from '../../shared';
import { AppError } from '../../shared';
import { type OpenedSqliteCore, openSqliteCore } from '../core';
import { createSyncClient, keepPendingLocal, type SyncClient, type SyncClientOptions } from './client';
import { createSyncRunner, type SyncRunner, type SyncRunnerOptions } from './runner';

export interface HeadlessDeskOptions {
  /** The desk's SQLite file. */
  file: string;
  serverUrl: string;
  /** The person at this desk: every write is theirs. */
  actor: Agent;
  /** This desk's client id: the same every time this file is opened. */
  clientId: string;
  fetch?: typeof fetch;
  /** Auth for the desk's requests and event socket (e.g. a session cookie). */
  authHeaders?: () => Promise<Record<string, string>>;
  clock?: () => number;
  random?: () => number;
  batchSize?: number;
  /** The client's push back-off: first retry delay and cap. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Synthetic customers in the seed (default 0). */
  syntheticCustomers?: number;
  /** Start a sync runner (push after each write, pull on pokes and on a timer); without it, the caller drives `sync`. */
  runner?: Omit<SyncRunnerOptions, 'client' | 'deps' | 'serverUrl'>;
}

export interface HeadlessDesk {
  opened: OpenedSqliteCore;
  sync: SyncClient;
  /** The started runner when `runner` was given; `close()` stops it. */
  runner: SyncRunner | null;
  actor: Agent;
  /** Calls a procedure as this desk's person; rejects with AppError. */
  call<P extends ProcedureName>(name: P, input: ProcedureInput<P>): Promise<ProcedureOutput<P>>;
  close(): Promise<void>;
}

/**
 * A desk without a window: the SQLite core a desktop runs (`outbox: true`, the demo seed kept
 * local) plus its sync client. For tests and tools that play several desks against one server.
 */
export async function openHeadlessDesk(options: HeadlessDeskOptions): Promise<HeadlessDesk> {
  const opened = await openSqliteCore({
    file: options.file,
    clientId: options.clientId,
    outbox: true,
    syntheticCustomers: options.syntheticCustomers ?? 0,
  });
  if (opened.seeded) await keepPendingLocal(opened.core.deps);
  const clientOptions: SyncClientOptions = { deps: opened.core.deps, serverUrl: options.serverUrl };
  if (options.fetch) clientOptions.fetch = options.fetch;
  if (options.clock) clientOptions.clock = options.clock;
  if (options.random) clientOptions.random = options.random;
  if (options.batchSize) clientOptions.batchSize = options.batchSize;
  if (options.authHeaders) clientOptions.authHeaders = options.authHeaders;
  if (options.baseDelayMs !== undefined) clientOptions.baseDelayMs = options.baseDelayMs;
  if (options.maxDelayMs !== undefined) clientOptions.maxDelayMs = options.maxDelayMs;
  const sync = createSyncClient(clientOptions);
  const runner = options.runner
    ? createSyncRunner({
        ...(options.authHeaders ? { authHeaders: options.authHeaders } : {}),
        ...(options.clock ? { clock: options.clock } : {}),
        ...(options.random ? { random: options.random } : {}),
        ...options.runner,
        client: sync,
        deps: opened.core.deps,
        serverUrl: options.serverUrl,
      })
    : null;
  runner?.start();
  return {
    opened,
    sync,
    runner,
    actor: options.actor,
    async call(name, input) {
      const envelope = await opened.core.call({ procedure: name, input }, { actor: options.actor });
      if (!envelope.ok) throw AppError.from(envelope.error);
      return envelope.value as never;
    },
    async close() {
      await runner?.stop();
      await opened.close();
    },
  };
}
