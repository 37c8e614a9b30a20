import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_KEY, DESK_CHANNELS, events, IPC_CHANNELS, SYNC_CHANNELS } from '../../shared';
import { SUBSCRIBABLE_EVENTS } from '../../main/preload/bridge';
import { ensureShellBuilt, PRELOAD_BUNDLE } from '../smoke/shell-build';

/**
 * Runs the built preload (out/preload/index.js) the way a sandboxed preload runs: as CommonJS
 * with a `require` that knows only 'electron'. Any other require, or ESM syntax, fails the load.
 */
type IpcListener = (event: unknown, ...args: unknown[]) => void;

interface LoadedPreload {
  exposed: Map<string, unknown>;
  required: string[];
  invokes: { channel: string; args: unknown[] }[];
  listeners: Map<string, Set<IpcListener>>;
  emit(channel: string, message: unknown): void;
  invokeAnswer: (channel: string, args: unknown[]) => Promise<unknown>;
}

function loadPreload(): LoadedPreload {
  const loaded: LoadedPreload = {
    exposed: new Map(),
    required: [],
    invokes: [],
    listeners: new Map(),
    emit(channel, message) {
      const ipcEvent = { sender: 'the ipcRenderer itself, which must never reach the page' };
      for (const listener of [...(loaded.listeners.get(channel) ?? [])]) listener(ipcEvent, message);
    },
    invokeAnswer: async () => ({ ok: true, value: 'pong' }),
  };
  const electron = {
    contextBridge: {
      exposeInMainWorld(key: string, api: unknown) {
        loaded.exposed.set(key, api);
      },
    },
    ipcRenderer: {
      invoke(channel: string, ...args: unknown[]) {
        loaded.invokes.push({ channel, args });
        return loaded.invokeAnswer(channel, args);
      },
      on(channel: string, listener: IpcListener) {
        const set = loaded.listeners.get(channel) ?? new Set();
        set.add(listener);
        loaded.listeners.set(channel, set);
      },
      removeListener(channel: string, listener: IpcListener) {
        loaded.listeners.get(channel)?.delete(listener);
      },
      send() {
        throw new Error('the bridge must not send');
      },
      sendSync() {
        throw new Error('the bridge must not send');
      },
    },
  };
  const sandboxRequire = (id: string): unknown => {
    loaded.required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`A sandboxed preload cannot require('${id}')`);
  };
  const module = { exports: {} };
  const code = readFileSync(PRELOAD_BUNDLE, 'utf8');
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${code}\n})`;
  const run = runInNewContext(wrapped, { console }, { filename: PRELOAD_BUNDLE }) as (
    exports: unknown,
    require: (id: string) => unknown,
    module: unknown,
    filename: string,
    dirname: string,
  ) => void;
  run(module.exports, sandboxRequire, module, PRELOAD_BUNDLE, '.');
  return loaded;
}

interface Bridge {
  invoke(request: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

function bridgeOf(loaded: LoadedPreload): Bridge {
  return loaded.exposed.get(BRIDGE_KEY) as Bridge;
}

beforeAll(() => ensureShellBuilt(), 180_000);

describe('built preload', () => {
  it('is CommonJS that requires only electron', () => {
    const loaded = loadPreload();
    expect([...new Set(loaded.required)]).toEqual(['electron']);
    expect(readFileSync(PRELOAD_BUNDLE, 'utf8')).not.toMatch(/^\s*(import|export)\s/m);
  });

  it(`exposes exactly one key, "${BRIDGE_KEY}", with exactly invoke, subscribe, desk and sync`, () => {
    const loaded = loadPreload();
    expect([...loaded.exposed.keys()]).toEqual([BRIDGE_KEY]);
    const bridge = loaded.exposed.get(BRIDGE_KEY) as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['desk', 'invoke', 'subscribe', 'sync']);
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.subscribe).toBe('function');
    const desk = bridge.desk as Record<string, unknown>;
    expect(Object.keys(desk).sort()).toEqual(['createProfile', 'lock', 'state', 'unlock']);
    for (const key of Object.keys(desk)) expect(typeof desk[key]).toBe('function');
    const sync = bridge.sync as Record<string, unknown>;
    expect(Object.keys(sync).sort()).toEqual(['onStatus', 'setServer', 'signIn', 'signOut', 'state']);
    for (const key of Object.keys(sync)) expect(typeof sync[key]).toBe('function');
  });

  it('sends each sync call on its own fixed channel, and hands the page only the status payload', async () => {
    const loaded = loadPreload();
    const sync = (loaded.exposed.get(BRIDGE_KEY) as { sync: Record<string, (input?: unknown) => unknown> }).sync;
    const server = { serverUrl: 'https://kept.example.cn' };
    const signIn = { employeeNo: '20001', password: 'p' };
    await sync.state?.();
    await sync.setServer?.(server);
    await sync.signIn?.(signIn);
    await sync.signOut?.();
    expect(loaded.invokes).toEqual([
      { channel: SYNC_CHANNELS.state, args: [] },
      { channel: SYNC_CHANNELS.setServer, args: [server] },
      { channel: SYNC_CHANNELS.signIn, args: [signIn] },
      { channel: SYNC_CHANNELS.signOut, args: [] },
    ]);
    const received: unknown[][] = [];
    const off = sync.onStatus?.((...args: unknown[]) => received.push(args)) as () => void;
    loaded.emit(SYNC_CHANNELS.status, { online: true, pending: 2 });
    expect(received).toEqual([[{ online: true, pending: 2 }]]);
    off();
    off();
    loaded.emit(SYNC_CHANNELS.status, { online: false, pending: 3 });
    expect(received).toHaveLength(1);
    expect(loaded.listeners.get(SYNC_CHANNELS.status)?.size ?? 0).toBe(0);
    expect(() => sync.onStatus?.('alert(1)')).toThrow(/must be a function/);
    loaded.invokeAnswer = () => Promise.reject(new Error("No handler registered for 'sync:state'"));
    await expect(sync.state?.()).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('sends each desk call on its own fixed channel, with the input as it is and nothing else', async () => {
    const loaded = loadPreload();
    const desk = (bridgeOf(loaded) as unknown as { desk: Record<string, (input?: unknown) => Promise<unknown>> }).desk;
    const unlock = { profileId: 'p', pin: '1234' };
    const profile = { employeeNo: '1', name: 'n', role: 'agent', pin: '1234' };
    await desk.state?.();
    await desk.unlock?.(unlock);
    await desk.lock?.();
    await desk.createProfile?.(profile);
    expect(loaded.invokes).toEqual([
      { channel: DESK_CHANNELS.state, args: [] },
      { channel: DESK_CHANNELS.unlock, args: [unlock] },
      { channel: DESK_CHANNELS.lock, args: [] },
      { channel: DESK_CHANNELS.createProfile, args: [profile] },
    ]);
    loaded.invokeAnswer = () => Promise.reject(new Error("No handler registered for 'desk:state'"));
    await expect(desk.state?.()).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('invokes on the invoke channel with the request as it is, and returns the answer', async () => {
    const loaded = loadPreload();
    const request = { procedure: 'session.me', input: {} };
    await expect(bridgeOf(loaded).invoke(request)).resolves.toEqual({ ok: true, value: 'pong' });
    expect(loaded.invokes).toEqual([{ channel: IPC_CHANNELS.invoke, args: [request] }]);
  });

  it('turns a missing main-process handler into an unavailable envelope instead of a throw', async () => {
    const loaded = loadPreload();
    loaded.invokeAnswer = () => Promise.reject(new Error("No handler registered for 'kept:invoke'"));
    await expect(bridgeOf(loaded).invoke({ procedure: 'session.me', input: {} })).resolves.toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });

  it('delivers only the subscribed event, only the payload, until unsubscribed', () => {
    const loaded = loadPreload();
    const bridge = bridgeOf(loaded);
    const received: unknown[][] = [];
    const off = bridge.subscribe('changed', (...args) => received.push(args));
    expect(loaded.listeners.get(IPC_CHANNELS.event)?.size).toBe(1);

    const payload = { entity: 'customer', id: 'c1', customerId: 'c1' };
    loaded.emit(IPC_CHANNELS.event, { event: 'changed', payload });
    loaded.emit(IPC_CHANNELS.event, { event: 'somethingElse', payload: 'no' });
    loaded.emit(IPC_CHANNELS.event, 'garbage');
    loaded.emit(IPC_CHANNELS.event, null);
    loaded.emit('another-channel', { event: 'changed', payload: 'no' });
    expect(received).toEqual([[payload]]);

    off();
    off();
    loaded.emit(IPC_CHANNELS.event, { event: 'changed', payload });
    expect(received).toHaveLength(1);
    expect(loaded.listeners.get(IPC_CHANNELS.event)?.size ?? 0).toBe(0);
  });

  it('keeps other subscribers when one unsubscribes or throws', () => {
    const loaded = loadPreload();
    const bridge = bridgeOf(loaded);
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = bridge.subscribe('changed', (p) => a.push(p));
    bridge.subscribe('changed', () => {
      throw new Error('listener bug');
    });
    bridge.subscribe('changed', (p) => b.push(p));
    loaded.emit(IPC_CHANNELS.event, { event: 'changed', payload: 1 });
    offA();
    loaded.emit(IPC_CHANNELS.event, { event: 'changed', payload: 2 });
    expect(a).toEqual([1]);
    expect(b).toEqual([1, 2]);
    expect(loaded.listeners.get(IPC_CHANNELS.event)?.size).toBe(1);
  });

  it.each(['unknown', 'toString', '__proto__', 'constructor', ''])('refuses to subscribe to "%s"', (name) => {
    const loaded = loadPreload();
    expect(() => bridgeOf(loaded).subscribe(name, () => undefined)).toThrow(/Unknown event/);
    expect(loaded.listeners.get(IPC_CHANNELS.event)?.size ?? 0).toBe(0);
  });

  it('refuses a listener that is not a function', () => {
    const loaded = loadPreload();
    const subscribe = bridgeOf(loaded).subscribe as (event: string, listener: unknown) => void;
    expect(() => subscribe('changed', 'alert(1)')).toThrow(/must be a function/);
  });
});

describe('subscribable events', () => {
  it('are exactly the events of the contract', () => {
    expect([...SUBSCRIBABLE_EVENTS].sort()).toEqual(Object.keys(events).sort());
  });
});
