import { expect, it } from 'vitest';
import { AppError, newId, type ProcedureName } from '../../../shared';
import type { ConsoleClient } from '../../../renderer/src/api';
import { DEMO_AGENTS, STORY_VOUCHER_CASE_ID, STORY_VOUCHER_CASE_NUMBER } from '../../../main/core';

const VOUCHER_CASE = STORY_VOUCHER_CASE_ID;

async function appError(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw new Error(`expected AppError, got ${String(error)}`);
  }
  throw new Error('expected AppError, the call succeeded');
}

/** Resolves once the client's push channel is open (at once over IPC, after the handshake over WebSocket). */
function channelOpen(c: ConsoleClient): Promise<void> {
  return new Promise((resolve) => {
    if (c.connectionState() === 'open') return resolve();
    const off = c.onConnectionChange((state) => {
      if (state !== 'open') return;
      off();
      resolve();
    });
  });
}

/**
 * The contract, as the renderer sees it. The same suite runs against both transports (HTTP +
 * WebSocket, and the desktop's IPC bridge), each over a real core on its own SQLite file, and over
 * HTTP against a server on PostgreSQL (`http-postgres.test.ts`).
 */
export function contractSuite(client: () => ConsoleClient): void {
  it('looks a customer up from a typed number and reads the story', async () => {
    const found = await client().call('customers.lookup', { phone: '＋８６ １３８－００１３－８０００' });
    expect(found.customer?.name).toBe('何志明');
    const history = await client().call('customers.history', { customerId: found.customer!.id, limit: 5 });
    expect(history.items).toHaveLength(5);
    expect(history.nextCursor).not.toBeNull();
    const brief = await client().call('customers.brief', { customerId: found.customer!.id });
    expect(brief.openCases.length).toBe(3);
  });

  it('rejects bad input, unknown procedures and missing roles with typed AppErrors', async () => {
    const phone = await appError(client().call('customers.lookup', { phone: 'abc' }));
    expect(phone).toMatchObject({ code: 'invalid_input', issues: [{ path: 'phone', message: 'phone_invalid' }] });
    expect((await appError(client().call('customers.nope' as ProcedureName, {} as never))).code).toBe('unknown_procedure');
    expect((await appError(client().call('audit.verify', {}))).code).toBe('forbidden');
    expect((await appError(client().call('notes.add', { caseId: VOUCHER_CASE, body: '' }))).issues?.[0]?.message).toBe('required');
  });

  it('applies a retried mutation once', async () => {
    const mutationId = newId();
    const first = await client().call('notes.add', { caseId: VOUCHER_CASE, body: '同一次保存，只记一次' }, { mutationId });
    const again = await client().call('notes.add', { caseId: VOUCHER_CASE, body: '同一次保存，只记一次' }, { mutationId });
    expect(again.id).toBe(first.id);
    const view = await client().call('cases.get', { id: VOUCHER_CASE });
    expect(view.notes.filter((n) => n.body === '同一次保存，只记一次')).toHaveLength(1);
  });

  it('pushes a committed change to a subscriber', async () => {
    const seen = new Promise<{ entity: string; id: string }>((resolve) => {
      const off = client().subscribe('changed', (payload) => {
        if (payload.entity === 'note') {
          off();
          resolve(payload);
        }
      });
    });
    // write only once the transport's channel is open: a change committed before that is not pushed
    await channelOpen(client());
    const note = await client().call('notes.add', { caseId: VOUCHER_CASE, body: '推送测试' });
    expect(await seen).toMatchObject({ entity: 'note', id: note.id });
  });

  it('keeps a draft and confirms a promise in writing', async () => {
    await client().call('drafts.save', { caseId: VOUCHER_CASE, body: '草稿还在' });
    expect((await client().call('drafts.get', { caseId: VOUCHER_CASE }))?.body).toBe('草稿还在');
    const promise = await client().call('commitments.create', { caseId: VOUCHER_CASE, kind: 'callback', wording: '明天上午十点前回电' });
    expect(promise.message.body).toContain(STORY_VOUCHER_CASE_NUMBER);
    expect(promise.message.status).toBe('queued');
    expect((await appError(client().call('escalations.decide', { id: newId(), approve: true }))).code).toBe('forbidden');
    expect(DEMO_AGENTS.desk.employeeNo).toBe(promise.commitment.owner.employeeNo);
  });
}
