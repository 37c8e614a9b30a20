import { describe, expect, it } from 'vitest';
import { newId, type Mutation, type SyncPushResponse } from '../../../shared';
import { reconcile, WriteLedger, writtenRow } from '../../bench/team/ledger';
import { MutationMinter } from '../../bench/team/mint';

const party = { caseId: newId(), caseNumber: 'C-0000-0001', customerId: newId(), customerName: '张三', phone: '+8613800138000' };
const minter = () => new MutationMinter('desk-1', { id: newId(), employeeNo: '600001' }, () => new Date('2026-11-30T01:00:00Z'));
const answer = (over: Partial<SyncPushResponse>): SyncPushResponse => ({ applied: [], skipped: [], refused: [], cursor: 1, ...over });

describe('the simulated desks’ mutations', () => {
  it('numbers each desk’s writes consecutively from 1 and names the row each writes', () => {
    const desk = minter();
    const note = desk.note(party, '客户来电询问账单');
    const promise = desk.callbackPromise(party, '明天回电', 24);
    expect([note.seq, promise.seq]).toEqual([1, 2]);
    expect(writtenRow(note)).toEqual({ table: 'notes', id: (note.args as { id: string }).id });
    expect(writtenRow(promise)).toEqual({ table: 'commitments', id: (promise.args as { id: string }).id });
    expect((promise.args as { dueAt: string }).dueAt).toBe('2026-12-01T01:00:00.000Z');
    expect(writtenRow({ ...note, name: 'facts.pin' })).toBeNull();
  });

  it('continues after a dropped batch from the seq it is told', () => {
    const desk = minter();
    desk.note(party, 'a');
    desk.note(party, 'b');
    desk.continueAfter(1);
    expect(desk.note(party, 'c').seq).toBe(2);
  });
});

describe('WriteLedger', () => {
  it('acknowledges applied and skipped writes, never refused or unanswered ones', () => {
    const desk = minter();
    const [a, b, c, d] = [
      desk.note(party, 'a'),
      desk.note(party, 'b'),
      desk.callbackPromise(party, 'c', 1),
      desk.note(party, 'd'),
    ] as Mutation[];
    const ledger = new WriteLedger();
    const settled = ledger.record([a!, b!, c!, d!], answer({ applied: [a!.id, c!.id], skipped: [b!.id] }));
    expect([...settled].sort()).toEqual([a!.id, b!.id, c!.id].sort());
    expect(ledger.acknowledgedRows('notes').sort()).toEqual([(a!.args as { id: string }).id, (b!.args as { id: string }).id].sort());
    expect(ledger.acknowledgedRows('commitments')).toEqual([(c!.args as { id: string }).id]);

    const refused = ledger.record([d!], answer({ refused: [{ id: d!.id, error: { code: 'forbidden', message: 'no' } }] }));
    expect([...refused]).toEqual([d!.id]);
    expect(ledger.refused).toBe(1);
    expect(ledger.acknowledgedMutations()).toHaveLength(3);
  });
});

describe('reconcile', () => {
  it('counts acknowledged rows missing from the database as lost', () => {
    expect(reconcile(['x', 'y', 'z'], new Set(['x', 'z']), 2)).toEqual({ acknowledged: 3, lost: 1, unacknowledged: 0 });
  });

  it('counts rows the database holds for the desks beyond the acknowledged ones', () => {
    expect(reconcile(['x'], new Set(['x']), 3)).toEqual({ acknowledged: 1, lost: 0, unacknowledged: 2 });
    expect(reconcile([], new Set(), 0)).toEqual({ acknowledged: 0, lost: 0, unacknowledged: 0 });
  });
});
