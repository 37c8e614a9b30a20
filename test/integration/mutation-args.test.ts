import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Mutation, type MutationName, mutationNames, newId, NOTE_MAX_CHARS } from '../../shared';
import { applyMutation, mintMutation, mutationHandlers } from '../../main/core';
import { expectAppError, openTempCore, type TempCore } from '../fixtures/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = await openTempCore({ empty: true });
});
afterEach(() => t.dispose());

const TABLES = [
  'customers',
  'cases',
  'notes',
  'contacts',
  'pinned_facts',
  'customer_promotions',
  'agents',
  'audit_log',
  'applied_mutations',
  'outbox',
] as const;

async function counts(core: TempCore = t): Promise<Record<string, number>> {
  const entries = await Promise.all(
    TABLES.map(async (table) => {
      const row = await core.sqlite.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return [table, Number(row.n)] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** The desk's outbox rows, parsed as the wire envelope they travel as. */
async function outbox(core: TempCore = t): Promise<Mutation[]> {
  const rows = await core.sqlite.db.selectFrom('outbox').select('mutation').orderBy('seq').execute();
  return rows.map((r) => Mutation.parse(JSON.parse(r.mutation)));
}

async function caseWithNote(): Promise<Mutation> {
  const customer = await t.call('customers.create', { name: '张伟', phone: '13912345678' });
  const created = await t.call('cases.create', { customerId: customer.id, title: '积分没到账', category: 'billing' });
  await t.call('notes.add', { caseId: created.id, body: '客户说上月的积分没有到账。' });
  const note = (await outbox()).find((m) => m.name === 'notes.add');
  if (!note) throw new Error('no notes.add in the outbox');
  return note;
}

describe('mutation args are a wire format, checked where they are applied', () => {
  it('has one handler for every mutation in the contract, and none other', () => {
    expect(Object.keys(mutationHandlers).sort()).toEqual([...mutationNames].sort());
    expect(mutationNames).toEqual(expect.arrayContaining(['agents.upsert', 'promotions.record']));
  });

  it('refuses a replayed mutation whose args were tampered with, and writes nothing', async () => {
    const sent = await caseWithNote();
    const args = sent.args as { id: string; caseId: string; body: string; at: string };
    const tampered: unknown[] = [
      { ...args, body: 42 },
      { ...args, body: '' },
      { ...args, body: '长'.repeat(NOTE_MAX_CHARS + 1) },
      { ...args, caseId: 'not-a-case' },
      { id: args.id, caseId: args.caseId, at: args.at },
      { ...args, at: 'yesterday' },
      null,
      'notes.add',
    ];
    const before = await counts();
    for (const bad of tampered) {
      const replay = { ...sent, id: newId(), args: bad };
      const error = await expectAppError(applyMutation(t.core.deps, replay));
      expect(error.code).toBe('invalid_input');
      expect(error.issues?.length).toBeGreaterThan(0);
    }
    // the same id as the one already applied, with other args: refused before anything is looked up
    expect((await expectAppError(applyMutation(t.core.deps, { ...sent, args: { ...args, body: 7 } }))).code).toBe('invalid_input');
    expect(await counts()).toEqual(before);
  });

  it('refuses args that fail the schema for every mutation name, the demo seeding writes included', async () => {
    const before = await counts();
    for (const name of mutationNames) {
      const m = await mintMutation(t.core.deps, { actor: t.actor }, name, { id: 'x' });
      const error = await expectAppError(applyMutation(t.core.deps, m));
      expect({ name, code: error.code }).toEqual({ name, code: 'invalid_input' });
    }
    expect(await counts()).toEqual(before);
  });

  it('replays a desk outbox on another replica as the same rows', async () => {
    await caseWithNote();
    const pushed = await outbox();
    const server = await openTempCore({ empty: true, outbox: false });
    try {
      const before = await counts(server);
      for (const m of pushed) expect((await applyMutation(server.core.deps, m)).applied).toBe(true);
      const after = await counts(server);
      expect({ customers: after.customers, cases: after.cases, notes: after.notes }).toEqual({
        customers: before.customers! + 1,
        cases: before.cases! + 1,
        notes: before.notes! + 1,
      });
      const names: MutationName[] = ['customers.create', 'cases.create', 'notes.add'];
      expect(pushed.map((m) => m.name).slice(-3)).toEqual(names);
    } finally {
      await server.dispose();
    }
  });
});
