import { afterAll, beforeAll, describe } from 'vitest';
import { IPC_CHANNELS } from '../../../shared';
import { type ConsoleClient, createIpcClient } from '../../../renderer/src/api';
import { createIpcRouter, forwardChanges } from '../../../main/ipc';
import { createBridge } from '../../../main/preload/bridge';
import { openTempCore, type TempCore } from '../../fixtures/temp-core';
import { contractSuite } from './suite';

let t: TempCore;
let client: ConsoleClient;

/**
 * The desktop path without the Electron binary: renderer client → the real preload bridge → an
 * in-process ipcRenderer/ipcMain pair → the real IPC router → core, and core's events back through
 * the real forwarder.
 */
beforeAll(async () => {
  t = await openTempCore();
  const trustedSender = { senderFrame: { url: 'app://kept/index.html' } };
  const router = createIpcRouter({ core: t.core, resolveActor: () => t.actor, isTrustedSender: (event) => event === trustedSender });
  const listeners = new Set<(event: unknown, message: unknown) => void>();
  forwardChanges(t.core.bus, () => ({
    isDestroyed: () => false,
    send: (channel, message) => {
      if (channel === IPC_CHANNELS.event) for (const listener of listeners) listener({}, message);
    },
  }));
  const ipcRenderer = {
    invoke: (channel: string, request: unknown) =>
      channel === IPC_CHANNELS.invoke ? router(trustedSender, request) : Promise.reject(new Error('no such channel')),
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) =>
      channel === IPC_CHANNELS.event && listeners.add(listener),
    removeListener: (_channel: string, listener: (event: unknown, ...args: unknown[]) => void) => listeners.delete(listener),
  };
  client = createIpcClient(createBridge(ipcRenderer));
});
afterAll(async () => {
  client.close();
  await t.dispose();
});

describe('the contract over IPC (desktop)', () => contractSuite(() => client));
