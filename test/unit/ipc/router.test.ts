import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, STORY_PHONE_TYPED } from '../../../main/core';
import { createIpcRouter, createSenderCheck, type InvokeEventLike, type IpcInvokeHandler } from '../../../main/ipc';
import { type Agent, type Envelope, procedureNames } from '../../../shared';
import { openTempCore, type TempCore } from '../../fixtures/temp-core';

/** The seed story's number, written with spaces as an agent would type it. */
const STORY_PHONE_AS_TYPED = STORY_PHONE_TYPED;

/**
 * The IPC router against a real core on a temporary SQLite file with the demo data. Only the
 * sender (an Electron event) is built by hand; everything behind it is the real thing.
 */
const WINDOW_ID = 7;
const page = { url: 'app://kept/index.html', parent: null };
const trusted: InvokeEventLike = { sender: { id: WINDOW_ID }, senderFrame: page };

let temp: TempCore;
let calls: { procedure: string; input: unknown }[];
let handler: IpcInvokeHandler<InvokeEventLike>;
let actor: Agent;

beforeAll(async () => {
  temp = await openTempCore({ synthetic: 3 });
  actor = temp.actor;
  calls = [];
  handler = createIpcRouter<InvokeEventLike>({
    core: {
      call: (request, ctx) => {
        calls.push({ procedure: request.procedure, input: request.input });
        return temp.core.call(request, ctx);
      },
    },
    resolveActor: () => actor,
    isTrustedSender: createSenderCheck({ trustedWebContentsId: () => WINDOW_ID, isTrustedUrl: (url) => url.startsWith('app://kept/') }),
  });
});

afterAll(async () => {
  await temp?.dispose();
});

async function call(event: InvokeEventLike, raw: unknown): Promise<Envelope<unknown>> {
  return handler(event, raw);
}

describe('IPC router: sender', () => {
  it.each([
    ['another page in our window', { sender: { id: WINDOW_ID }, senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['an iframe on our page', { sender: { id: WINDOW_ID }, senderFrame: { url: 'app://kept/index.html', parent: page } }],
    ['a frame that is gone', { sender: { id: WINDOW_ID }, senderFrame: null }],
    ['another webContents', { sender: { id: WINDOW_ID + 1 }, senderFrame: page }],
    ['a file:// page', { sender: { id: WINDOW_ID }, senderFrame: { url: 'file:///tmp/index.html', parent: null } }],
  ] as const)('refuses %s with forbidden and never reaches core', async (_label, event) => {
    const before = calls.length;
    const envelope = await call(event, { procedure: 'session.me', input: {} });
    expect(envelope).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    expect(calls.length).toBe(before);
  });

  it('treats a sender check that throws as untrusted', async () => {
    const throwing = createIpcRouter<InvokeEventLike>({
      core: temp.core,
      resolveActor: () => actor,
      isTrustedSender: () => {
        throw new Error('frame disposed');
      },
    });
    expect(await throwing(trusted, { procedure: 'session.me' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('IPC router: request shape', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'session.me'],
    ['a number', 42],
    ['an array', ['session.me', {}]],
    ['no procedure', { input: {} }],
    ['an empty procedure', { procedure: '', input: {} }],
    ['a procedure that is not a string', { procedure: 1, input: {} }],
    ['an overlong procedure', { procedure: 'x'.repeat(101) }],
    ['an extra key', { procedure: 'session.me', input: {}, actor: DEMO_AGENTS.supervisor }],
    ['a mutationId that is not a string', { procedure: 'notes.add', input: {}, mutationId: 5 }],
  ])('refuses %s with bad_request and never reaches core', async (_label, raw) => {
    const before = calls.length;
    const envelope = await call(trusted, raw);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(calls.length).toBe(before);
  });

  it('cannot be talked into another actor: the actor comes from main only', async () => {
    const envelope = await call(trusted, { procedure: 'audit.verify', input: {} });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('IPC router: through core', () => {
  it('answers an unknown procedure with unknown_procedure from core', async () => {
    const envelope = await call(trusted, { procedure: 'customers.drop', input: {} });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'unknown_procedure' } });
    expect(calls.at(-1)?.procedure).toBe('customers.drop');
  });

  it('answers bad input for a known procedure with invalid_input naming the field, and changes nothing', async () => {
    const before = await temp.core.call({ procedure: 'customers.lookup', input: { phone: '13912345678' } }, { actor });
    const envelope = await call(trusted, { procedure: 'customers.create', input: { name: '', phone: '12345' } });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const paths = envelope.ok ? [] : (envelope.error.issues ?? []).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'phone']));
    const after = await temp.core.call({ procedure: 'customers.lookup', input: { phone: '13912345678' } }, { actor });
    expect(after).toEqual(before);
  });

  it('answers a malformed mutationId with invalid_input', async () => {
    const envelope = await call(trusted, {
      procedure: 'customers.create',
      input: { name: '张三', phone: '13912345670' },
      mutationId: 'not-a-uuid',
    });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('answers a valid query with the value from core', async () => {
    expect(await call(trusted, { procedure: 'session.me', input: {} })).toEqual({ ok: true, value: actor });
    // `input` may be left out for procedures that take none.
    expect(await call(trusted, { procedure: 'session.me' })).toEqual({ ok: true, value: actor });
  });

  it('finds the seed story customer by a phone typed the way agents type it', async () => {
    const envelope = await call(trusted, { procedure: 'customers.lookup', input: { phone: STORY_PHONE_AS_TYPED } });
    expect(envelope).toMatchObject({ ok: true, value: { customer: { name: '何志明' } } });
  });

  it('applies a mutation once for one mutationId', async () => {
    const mutationId = '01930000-0000-7000-8000-0000000000aa';
    const request = { procedure: 'customers.create', input: { name: '重试测试', phone: '13912345671' }, mutationId };
    const first = await call(trusted, request);
    const second = await call(trusted, request);
    expect(first).toMatchObject({ ok: true, value: { name: '重试测试' } });
    expect(second).toEqual(first);
  });

  it('gives every contract procedure a typed envelope, never unknown_procedure', async () => {
    for (const procedure of procedureNames) {
      const envelope = await call(trusted, { procedure, input: {} });
      if (!envelope.ok) expect(envelope.error.code, procedure).not.toBe('unknown_procedure');
    }
  });

  it('turns a failure outside core into internal without details', async () => {
    const errors: unknown[] = [];
    const broken = createIpcRouter<InvokeEventLike>({
      core: temp.core,
      resolveActor: () => {
        throw new Error('settings unreadable at /home/someone');
      },
      isTrustedSender: () => true,
      onInternalError: (error) => errors.push(error),
    });
    const envelope = await broken(trusted, { procedure: 'session.me' });
    expect(envelope).toEqual({ ok: false, error: { code: 'internal', message: expect.not.stringContaining('/home') } });
    expect(errors).toHaveLength(1);
  });
});
