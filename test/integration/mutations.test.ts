import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../shared';
import { applyMutation, mintMutation } from '../../main/core';
import { expectAppError, openTempCore, type TempCore } from '../fixtures/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = await openTempCore({ empty: true });
});
afterEach(() => t.dispose());

const count = async (table: 'customers' | 'audit_log' | 'applied_mutations' | 'outbox' | 'notes') =>
  Number(
    (
      await t.sqlite.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('mutations', () => {
  it('applying the same mutation id twice writes once', async () => {
    const m = await mintMutation(t.core.deps, { actor: t.actor }, 'customers.create', {
      id: newId(),
      name: '张伟',
      phone: '+8613912345678',
      tier: 'standard',
      at: new Date().toISOString(),
    });
    const before = { audit: await count('audit_log'), outbox: await count('outbox') };
    expect((await applyMutation(t.core.deps, m)).applied).toBe(true);
    expect((await applyMutation(t.core.deps, m)).applied).toBe(false);
    expect(await count('customers')).toBe(1);
    expect(await count('audit_log')).toBe(before.audit + 1);
    expect(await count('outbox')).toBe(before.outbox + 1);
  });

  it('a retried call with the same mutationId returns the first result and writes nothing new', async () => {
    const mutationId = newId();
    const first = await t.call('customers.create', { name: '李娜', phone: '139 1234 5678' }, { mutationId });
    const again = await t.call('customers.create', { name: '李娜', phone: '139 1234 5678' }, { mutationId });
    expect(again.id).toBe(first.id);
    expect(await count('customers')).toBe(1);
  });

  it('a refused mutation leaves nothing half-written', async () => {
    await t.call('customers.create', { name: '王芳', phone: '13700000001' });
    const before = {
      customers: await count('customers'),
      audit: await count('audit_log'),
      applied: await count('applied_mutations'),
      outbox: await count('outbox'),
    };
    const error = await expectAppError(t.call('customers.create', { name: '另一个人', phone: '+86 137 0000 0001' }));
    expect(error.code).toBe('conflict');
    expect(error.issues).toEqual([{ path: 'phone', message: 'phone_taken' }]);
    expect({
      customers: await count('customers'),
      audit: await count('audit_log'),
      applied: await count('applied_mutations'),
      outbox: await count('outbox'),
    }).toEqual(before);
  });

  it('every write lands in the outbox on a desk, in order, and not on a server', async () => {
    await t.call('customers.create', { name: '赵敏', phone: '13600000001' });
    await t.call('customers.create', { name: '孙磊', phone: '13600000002' });
    const rows = await t.sqlite.db.selectFrom('outbox').select(['seq', 'mutation']).orderBy('seq').execute();
    const seqs = rows.map((r) => (JSON.parse(r.mutation) as { seq: number }).seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(rows.map((r) => (JSON.parse(r.mutation) as { name: string }).name).slice(-2)).toEqual(['customers.create', 'customers.create']);
    // each carries the policy bundle version it was made under, for re-evaluation on push
    expect(rows.every((r) => (JSON.parse(r.mutation) as { policyVersion: string }).policyVersion === t.core.deps.policy.version)).toBe(
      true,
    );

    const server = await openTempCore({ empty: true, outbox: false });
    try {
      await server.call('customers.create', { name: '周婷', phone: '13600000003' });
      expect(
        Number(
          (
            await server.sqlite.db
              .selectFrom('outbox')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ).toBe(0);
    } finally {
      await server.dispose();
    }
  });

  it('refuses an unknown mutation and malformed args with typed errors', async () => {
    const unknown = await mintMutation(t.core.deps, { actor: t.actor }, 'customers.delete_everything', {});
    expect((await expectAppError(applyMutation(t.core.deps, unknown))).code).toBe('bad_request');
    const malformed = await mintMutation(t.core.deps, { actor: t.actor }, 'notes.add', { caseId: 'x' });
    expect((await expectAppError(applyMutation(t.core.deps, malformed))).code).toBe('invalid_input');
  });

  it('announces a change only after it commits', async () => {
    const seen: string[] = [];
    const off = t.core.bus.on((e) => e.event === 'changed' && seen.push(`${e.payload.entity}:${e.payload.id}`));
    const created = await t.call('customers.create', { name: '陈静', phone: '13500000001' });
    await expectAppError(t.call('customers.create', { name: '陈静', phone: '13500000001' }));
    off();
    expect(seen).toEqual([`customer:${created.id}`]);
  });
});
