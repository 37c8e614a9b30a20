import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe } from 'vitest';
import WebSocket from 'ws';
import { type ConsoleClient, createHttpClient, type WebSocketConstructor } from '../../../renderer/src/api';
import { buildServer } from '../../../server/app';
import { openTempPostgresCore, startPostgres, type TempPostgresCore, type TestPostgres } from '../../fixtures/embedded-postgres';
import { contractSuite } from './suite';

let cluster: TestPostgres;
let t: TempPostgresCore;
let app: FastifyInstance;
let client: ConsoleClient;

beforeAll(async () => {
  cluster = await startPostgres();
  t = await openTempPostgresCore(cluster);
  app = await buildServer({ core: t.core, resolveActor: () => t.actor });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  client = createHttpClient(base, { WebSocket: WebSocket as unknown as WebSocketConstructor });
}, 120_000);
afterAll(async () => {
  client?.close();
  await app?.close();
  await t?.dispose();
  await cluster?.stop();
});

describe('the contract over HTTP and WebSocket, the server on PostgreSQL (team server)', () => contractSuite(() => client));
