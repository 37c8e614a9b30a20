import { BRIDGE_KEY, type KeptBridge } from '../../../shared';
import type { ConsoleClient } from './console-client';
import { createHttpClient } from './http-client';
import { createIpcClient } from './ipc-client';

function bridgeOf(target: object): KeptBridge | undefined {
  const candidate = (target as Record<string, unknown>)[BRIDGE_KEY];
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const { invoke, subscribe } = candidate as Partial<KeptBridge>;
  return typeof invoke === 'function' && typeof subscribe === 'function' ? (candidate as KeptBridge) : undefined;
}

/** In the desktop the preload has put the bridge on window; in a browser, talk to the page's own origin. */
export function chooseClient(win: Window = window): ConsoleClient {
  const bridge = bridgeOf(win);
  return bridge ? createIpcClient(bridge) : createHttpClient(win.location.origin);
}
