import { describe, expect, it } from 'vitest';
import { DEMO_AGENTS } from '../../../main/core';
import { createSenderCheck, createSyncRouter, type DeskSyncPort, type InvokeEventLike } from '../../../main/ipc';
import { type Agent, type DeskSyncState, SYNC_CHANNELS } from '../../../shared';

const WINDOW_ID = 3;
const page = { url: 'app://kept/index.html', parent: null };
const trusted: InvokeEventLike = { sender: { id: WINDOW_ID }, senderFrame: page };
const foreign: InvokeEventLike = { sender: { id: WINDOW_ID }, senderFrame: { url: 'https://evil.example/', parent: null } };

const STATE: DeskSyncState = {
  serverUrl: null,
  signedIn: false,
  person: null,
  remembered: true,
  online: false,
  pending: 0,
  lastError: null,
};

/** The router under test with a recording port: what reaches the desk's server link, and with what. */
function setup(atDesk: Agent | null) {
  const calls: unknown[][] = [];
  const port: DeskSyncPort = {
    state: async () => STATE,
    setServer: async (url) => (calls.push(['setServer', url]), { ...STATE, serverUrl: url }),
    signIn: async (employeeNo, password, pin) => {
      calls.push(pin === undefined ? ['signIn', employeeNo, password] : ['signIn', employeeNo, password, pin]);
      if (password === 'locked-out-9')
        return { ok: false, error: { code: 'rate_limited', message: 'locked', retryAt: '2026-11-30T01:00:00.000Z' } };
      return { ok: true, state: { ...STATE, signedIn: true }, agent: DEMO_AGENTS.desk };
    },
    signOut: async () => (calls.push(['signOut']), STATE),
  };
  const signedIn: Agent[] = [];
  const handlers = createSyncRouter<InvokeEventLike>({
    sync: port,
    atDesk: async () => atDesk,
    onSignedIn: (agent) => signedIn.push(agent),
    isTrustedSender: createSenderCheck({ trustedWebContentsId: () => WINDOW_ID, isTrustedUrl: (url) => url.startsWith('app://kept/') }),
  });
  return { calls, handlers, signedIn };
}

describe('the sync channels', () => {
  it('are the invoke channels of the allow-list, and refuse other pages without calling anything', async () => {
    const { calls, handlers } = setup(DEMO_AGENTS.admin);
    expect(Object.keys(handlers).sort()).toEqual(
      Object.values(SYNC_CHANNELS)
        .filter((c) => c !== SYNC_CHANNELS.status)
        .sort(),
    );
    for (const handler of Object.values(handlers))
      expect(await handler(foreign, { serverUrl: 'https://kept.example.cn' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('let only an unlocked administrator name the server, parsed and normalised', async () => {
    const admin = setup(DEMO_AGENTS.admin);
    expect(await admin.handlers[SYNC_CHANNELS.setServer](trusted, { serverUrl: ' https://Kept.Example.cn/ ' })).toMatchObject({
      ok: true,
      value: { serverUrl: 'https://kept.example.cn' },
    });
    expect(await admin.handlers[SYNC_CHANNELS.setServer](trusted, { serverUrl: null })).toMatchObject({
      ok: true,
      value: { serverUrl: null },
    });
    expect(await admin.handlers[SYNC_CHANNELS.setServer](trusted, { serverUrl: 'http://kept.example.cn' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'serverUrl', message: 'https_required' }] },
    });
    for (const bad of [undefined, {}, { serverUrl: 5 }, { serverUrl: 'https://x.cn', extra: 1 }])
      expect(await admin.handlers[SYNC_CHANNELS.setServer](trusted, bad)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(admin.calls).toEqual([
      ['setServer', 'https://kept.example.cn'],
      ['setServer', null],
    ]);
    const agent = setup(DEMO_AGENTS.desk);
    expect(await agent.handlers[SYNC_CHANNELS.setServer](trusted, { serverUrl: 'https://kept.example.cn' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const locked = setup(null);
    expect(await locked.handlers[SYNC_CHANNELS.setServer](trusted, { serverUrl: 'https://kept.example.cn' })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect([...agent.calls, ...locked.calls]).toEqual([]);
  });

  it('signing in unlocks the desk as that server account (so it works while locked); signing out needs someone at the desk; the server’s refusal comes back typed', async () => {
    const locked = setup(null);
    expect(await locked.handlers[SYNC_CHANNELS.signIn](trusted, { employeeNo: '20001', password: 'p', pin: '1357' })).toMatchObject({
      ok: true,
      value: { signedIn: true },
    });
    expect(locked.signedIn).toEqual([DEMO_AGENTS.desk]);
    expect(await locked.handlers[SYNC_CHANNELS.signIn](trusted, { employeeNo: '20001', password: 'p', pin: '12' })).toMatchObject({
      error: { code: 'invalid_input' },
    });
    expect(await locked.handlers[SYNC_CHANNELS.signOut](trusted)).toMatchObject({ error: { code: 'unauthenticated' } });
    expect(locked.calls).toEqual([['signIn', '20001', 'p', '1357']]);

    const agent = setup(DEMO_AGENTS.desk);
    expect(await agent.handlers[SYNC_CHANNELS.signIn](trusted, { employeeNo: ' 20001 ', password: 'right-one-1' })).toMatchObject({
      ok: true,
      value: { signedIn: true },
    });
    expect(await agent.handlers[SYNC_CHANNELS.signIn](trusted, { employeeNo: '20001', password: 'locked-out-9' })).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: 'locked', issues: [{ path: 'retryAt', message: '2026-11-30T01:00:00.000Z' }] },
    });
    // A refused sign-in unlocks nobody.
    expect(agent.signedIn).toEqual([DEMO_AGENTS.desk]);
    expect(await agent.handlers[SYNC_CHANNELS.signIn](trusted, { employeeNo: '', password: '' })).toMatchObject({
      error: { code: 'invalid_input' },
    });
    expect(await agent.handlers[SYNC_CHANNELS.signOut](trusted, { now: true })).toMatchObject({ error: { code: 'invalid_input' } });
    expect(await agent.handlers[SYNC_CHANNELS.signOut](trusted)).toMatchObject({ ok: true });
    expect(agent.calls).toEqual([['signIn', '20001', 'right-one-1'], ['signIn', '20001', 'locked-out-9'], ['signOut']]);
  });
});
