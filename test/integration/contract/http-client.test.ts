import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe } from 'vitest';
import WebSocket from 'ws';
import { type ConsoleClient, createHttpClient, type WebSocketConstructor } from '../../../renderer/src/api';
import { buildServer } from '../../../server/app';
import { openTempCore, type TempCore } from '../../fixtures/temp-core';
import { contractSuite } from './suite';

let t: TempCore;
let app: FastifyInstance;
let client: ConsoleClient;

beforeAll(async () => {
  t = await openTempCore();
  app = await buildServer({ core: t.core, resolveActor: () => t.actor });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  client = createHttpClient(base, { WebSocket: WebSocket as unknown as WebSocketConstructor });
});
afterAll(async () => {
  client.close();
  await app.close();
  await t.dispose();
});

describe('the contract over HTTP and WebSocket (browser console)', () => contractSuite(() => client));
