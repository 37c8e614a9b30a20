import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeskProfile, currentDeskProfile, listDeskProfiles, STORY_VOUCHER_CASE_ID, unlockDeskProfile } from '../../../main/core';
import {
  createDeskLock,
  createDeskRouter,
  createIpcRouter,
  createSenderCheck,
  type DeskHandlers,
  type DeskLock,
  type InvokeEventLike,
  type IpcInvokeHandler,
} from '../../../main/ipc';
import { DESK_CHANNELS, type DeskState, type Envelope, newId } from '../../../shared';
import { openTempCore, type TempCore } from '../../fixtures/temp-core';

/**
 * The desk's lock over IPC: the desk:* handlers and the invoke router sharing one `DeskLock`, against
 * a real core on a temporary SQLite file. Only the sender (an Electron event) is made by hand.
 */
const WINDOW_ID = 3;
const page = { url: 'app://kept/index.html', parent: null };
const trusted: InvokeEventLike = { sender: { id: WINDOW_ID }, senderFrame: page };
const foreign: InvokeEventLike = { sender: { id: WINDOW_ID }, senderFrame: { url: 'https://evil.example/', parent: null } };
const iframe: InvokeEventLike = { sender: { id: WINDOW_ID }, senderFrame: { url: 'app://kept/index.html', parent: page } };

const SUPERVISOR = { employeeNo: '60001', name: '周班长', role: 'supervisor', pin: '246813' } as const;
const AGENT = { employeeNo: '60002', name: '吴坐席', role: 'agent', pin: '9753' } as const;

let t: TempCore;
let clock = Date.parse('2026-11-20T02:00:00Z');
let lock: DeskLock;
let desk: DeskHandlers<InvokeEventLike>;
let invoke: IpcInvokeHandler<InvokeEventLike>;
let coreCalls = 0;
/** Who the desk told its server link is at the desk, in order (null: locked). */
const personChanges: (string | null)[] = [];

beforeAll(async () => {
  t = await openTempCore({ now: () => new Date(clock) });
  lock = createDeskLock({ idleLockMinutes: 15, now: () => clock, refresh: (agent) => currentDeskProfile(t.core.deps, agent.id) });
  const isTrustedSender = createSenderCheck({
    trustedWebContentsId: () => WINDOW_ID,
    isTrustedUrl: (url) => url.startsWith('app://kept/'),
  });
  desk = createDeskRouter<InvokeEventLike>({
    profiles: {
      list: () => listDeskProfiles(t.core.deps),
      create: (input, by) => createDeskProfile(t.core.deps, input, by),
      unlock: (id, pin) => unlockDeskProfile(t.core.deps, id, pin),
    },
    lock,
    onPersonChange: (agent) => personChanges.push(agent?.id ?? null),
    isTrustedSender,
  });
  invoke = createIpcRouter<InvokeEventLike>({
    core: {
      call: (request, ctx) => {
        coreCalls++;
        return t.core.call(request, ctx);
      },
    },
    resolveActor: () => lock.resolve(),
    isTrustedSender,
  });
});
afterAll(async () => {
  await t.dispose();
});

function value(envelope: Envelope<DeskState>): DeskState {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}
const state = async () => value(await desk[DESK_CHANNELS.state](trusted));
const profileId = async (employeeNo: string) => (await state()).profiles.find((p) => p.employeeNo === employeeNo)?.id ?? '';

describe('a locked desk', () => {
  it('answers every invoke with unauthenticated, without calling core', async () => {
    expect(await state()).toEqual({ profiles: [], current: null, idleLockMinutes: 15 });
    for (const procedure of ['session.me', 'customers.lookup', 'drafts.save'])
      expect(await invoke(trusted, { procedure, input: {} })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(coreCalls).toBe(0);
  });

  it('creates the first profile, which does not unlock the desk', async () => {
    const after = value(await desk[DESK_CHANNELS.createProfile](trusted, SUPERVISOR));
    expect(after.profiles).toEqual([{ id: expect.any(String), employeeNo: '60001', name: '周班长', role: 'supervisor' }]);
    expect(after.current).toBeNull();
    expect(JSON.stringify(after)).not.toContain(SUPERVISOR.pin);
    expect(await desk[DESK_CHANNELS.createProfile](trusted, AGENT)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});

describe('unlocking', () => {
  it('refuses a wrong PIN in words the page can show, and stays locked', async () => {
    const envelope = await desk[DESK_CHANNELS.unlock](trusted, { profileId: await profileId('60001'), pin: '0000' });
    expect(envelope).toEqual({
      ok: false,
      error: { code: 'unauthenticated', message: 'Wrong PIN.', issues: [{ path: 'pin', message: 'pin_wrong' }] },
    });
    expect(await invoke(trusted, { procedure: 'session.me', input: {} })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('acts as that profile after the right PIN, until locked', async () => {
    const id = await profileId('60001');
    const after = value(await desk[DESK_CHANNELS.unlock](trusted, { profileId: id, pin: SUPERVISOR.pin }));
    expect(after.current).toMatchObject({ id, name: '周班长' });
    expect(await invoke(trusted, { procedure: 'session.me', input: {} })).toMatchObject({ ok: true, value: { id, employeeNo: '60001' } });
    const note = await invoke(trusted, {
      procedure: 'notes.add',
      input: { caseId: STORY_VOUCHER_CASE_ID, body: '周记录' },
      mutationId: newId(),
    });
    expect(note).toMatchObject({ ok: true, value: { author: { id } } });

    // The supervisor adds the agent; then the agent's unlock makes the agent the actor.
    value(await desk[DESK_CHANNELS.createProfile](trusted, AGENT));
    value(await desk[DESK_CHANNELS.lock](trusted));
    expect(await invoke(trusted, { procedure: 'session.me', input: {} })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const agentId = await profileId('60002');
    value(await desk[DESK_CHANNELS.unlock](trusted, { profileId: agentId, pin: AGENT.pin }));
    expect(await invoke(trusted, { procedure: 'session.me', input: {} })).toMatchObject({
      ok: true,
      value: { id: agentId, role: 'agent' },
    });
    // An agent may not add profiles.
    expect(await desk[DESK_CHANNELS.createProfile](trusted, { ...AGENT, employeeNo: '60003' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // Each unlock and lock told the server link who now acts (with a team server, whose sign-in pushes).
    expect(personChanges.slice(-3)).toEqual([id, null, agentId]);
  });

  it('locks itself after the idle time without a call, and a call restarts the timer', async () => {
    const agentId = await profileId('60002');
    value(await desk[DESK_CHANNELS.unlock](trusted, { profileId: agentId, pin: AGENT.pin }));
    clock += 14 * 60_000;
    expect((await invoke(trusted, { procedure: 'session.me', input: {} })).ok).toBe(true);
    clock += 14 * 60_000;
    expect((await invoke(trusted, { procedure: 'session.me', input: {} })).ok).toBe(true);
    clock += 15 * 60_000;
    expect(await invoke(trusted, { procedure: 'session.me', input: {} })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await state()).current).toBeNull();
  });

  it('answers five wrong PINs with rate_limited and the end of the lock', async () => {
    const id = await profileId('60002');
    for (let i = 0; i < 4; i++)
      expect(await desk[DESK_CHANNELS.unlock](trusted, { profileId: id, pin: `123${i}` })).toMatchObject({
        error: { code: 'unauthenticated' },
      });
    const until = new Date(clock + 15 * 60_000).toISOString();
    const locked = await desk[DESK_CHANNELS.unlock](trusted, { profileId: id, pin: '5555' });
    expect(locked).toMatchObject({ ok: false, error: { code: 'rate_limited', issues: [{ path: 'lockedUntil', message: until }] } });
    expect(await desk[DESK_CHANNELS.unlock](trusted, { profileId: id, pin: AGENT.pin })).toMatchObject({ error: { code: 'rate_limited' } });
  });
});

describe('the person is read afresh on every call', () => {
  it('applies a changed role at once, and a disabled profile locks the desk', async () => {
    const id = await profileId('60001');
    value(await desk[DESK_CHANNELS.unlock](trusted, { profileId: id, pin: SUPERVISOR.pin }));
    await t.db.updateTable('agents').set({ role: 'agent' }).where('id', '=', id).execute();
    expect(await invoke(trusted, { procedure: 'session.me', input: {} })).toMatchObject({ ok: true, value: { id, role: 'agent' } });
    await t.db.updateTable('agents').set({ disabled: 1 }).where('id', '=', id).execute();
    expect(await invoke(trusted, { procedure: 'session.me', input: {} })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await state()).current).toBeNull();
    expect((await state()).profiles.map((p) => p.employeeNo)).not.toContain('60001');
  });
});

describe('desk channels refuse', () => {
  it.each([
    ['a foreign page', foreign],
    ['an iframe', iframe],
    ['a gone frame', { sender: { id: WINDOW_ID }, senderFrame: null }],
    ['another window', { sender: { id: WINDOW_ID + 1 }, senderFrame: page }],
  ] as const)('%s on every channel with forbidden', async (_label, event) => {
    for (const handler of Object.values(desk))
      expect(await handler(event, { profileId: 'x', pin: '1234' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it.each([
    ['no input', undefined],
    ['a string', '1234'],
    ['a short PIN', { profileId: '01930000-0000-7000-8000-000000000001', pin: '123' }],
    ['a long PIN', { profileId: '01930000-0000-7000-8000-000000000001', pin: '123456789' }],
    ['letters', { profileId: '01930000-0000-7000-8000-000000000001', pin: 'abcd' }],
    ['a number PIN', { profileId: '01930000-0000-7000-8000-000000000001', pin: 1234 }],
    ['a bad id', { profileId: '../../etc', pin: '1234' }],
    ['an extra field', { profileId: '01930000-0000-7000-8000-000000000001', pin: '1234', agent: 'admin' }],
  ])('unlock with %s as invalid_input', async (_label, raw) => {
    expect(await desk[DESK_CHANNELS.unlock](trusted, raw)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it.each([
    ['a bad role', { employeeNo: '60009', name: 'x', role: 'root', pin: '1234' }],
    ['a bad employee number', { employeeNo: 'abc', name: 'x', role: 'agent', pin: '1234' }],
    ['an empty name', { employeeNo: '60009', name: ' ', role: 'agent', pin: '1234' }],
    ['a bad PIN', { employeeNo: '60009', name: 'x', role: 'agent', pin: '12' }],
  ])('createProfile with %s as invalid_input', async (_label, raw) => {
    expect(await desk[DESK_CHANNELS.createProfile](trusted, raw)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('state and lock with an input as invalid_input', async () => {
    expect(await desk[DESK_CHANNELS.state](trusted, { all: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await desk[DESK_CHANNELS.lock](trusted, 'now')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
