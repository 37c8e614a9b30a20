import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, verifyAudit } from '../../main/core';
import { expectAppError, openTempCore, type TempCore } from '../fixtures/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = await openTempCore();
});
afterEach(() => t.dispose());

const lead = DEMO_AGENTS.supervisor;

/** Someone with the file in hand: the append-only guards dropped, the way tampering would have to begin. */
function dropGuards(): void {
  t.sqlite.raw.exec('drop trigger audit_log_no_update; drop trigger audit_log_no_delete;');
}
const count = () => (t.sqlite.raw.prepare('select count(*) n from audit_log').get() as { n: number }).n;

describe('audit.verify', () => {
  it('accepts an untouched chain', async () => {
    const report = await t.call('audit.verify', {}, { actor: lead });
    expect(report.ok).toBe(true);
    expect(report.checked).toBeGreaterThan(10);
  });

  it('finds a row whose content was altered', async () => {
    dropGuards();
    t.sqlite.raw
      .prepare(
        "update audit_log set data = replace(data, '钱伟', '别人') where seq = (select min(seq) from audit_log where data like '%钱伟%')",
      )
      .run();
    const tampered = t.sqlite.raw.prepare("select seq from audit_log where data like '%别人%'").get() as { seq: number };
    const report = await t.call('audit.verify', {}, { actor: lead });
    expect(report).toMatchObject({ ok: false, firstBad: { seq: tampered.seq, reason: 'hash_mismatch' } });
  });

  it('finds a deleted row by the broken link after it', async () => {
    dropGuards();
    t.sqlite.raw.prepare('delete from audit_log where seq = 5').run();
    const report = await t.call('audit.verify', {}, { actor: lead });
    expect(report).toMatchObject({ ok: false, firstBad: { seq: 6, reason: 'broken_link' } });
  });

  it('finds a re-hashed row by the link of the next one', async () => {
    dropGuards();
    // Flip the first hex digit to one it is not, so the row always changes.
    const { changes } = t.sqlite.raw
      .prepare("update audit_log set hash = (case substr(hash, 1, 1) when 'f' then '0' else 'f' end) || substr(hash, 2) where seq = 3")
      .run();
    expect(changes).toBe(1);
    const report = await t.call('audit.verify', {}, { actor: lead });
    expect(report.ok).toBe(false);
    expect(report.firstBad?.seq).toBe(3);
  });

  it('reads the chain in batches and still checks every row, and finds a tampered row in a later batch', async () => {
    const total = (t.sqlite.raw.prepare('select count(*) n from audit_log').get() as { n: number }).n;
    expect(total).toBeGreaterThan(20);
    expect(await verifyAudit(t.sqlite.db, 7)).toEqual({ ok: true, checked: total, firstBad: null });
    // A batch size that divides the chain exactly ends on an empty batch.
    expect(await verifyAudit(t.sqlite.db, total)).toEqual({ ok: true, checked: total, firstBad: null });

    const late = total - 3;
    dropGuards();
    t.sqlite.raw.prepare("update audit_log set data = data || ' ' where seq = ?").run(late);
    expect(await verifyAudit(t.sqlite.db, 7)).toEqual({ ok: false, checked: late, firstBad: { seq: late, reason: 'hash_mismatch' } });
  });

  it('refuses to change or delete an audit row, or to move the head back', () => {
    const before = count();
    expect(() => t.sqlite.raw.prepare("update audit_log set data = '{}' where seq = 2").run()).toThrow(/append-only/);
    expect(() => t.sqlite.raw.prepare('delete from audit_log where seq = (select max(seq) from audit_log)').run()).toThrow(/append-only/);
    expect(() => t.sqlite.raw.prepare('delete from audit_log').run()).toThrow(/append-only/);
    expect(() => t.sqlite.raw.prepare('update audit_head set count = count - 1').run()).toThrow(/only moves forward/);
    expect(() => t.sqlite.raw.prepare('delete from audit_head').run()).toThrow(/only moves forward/);
    expect(count()).toBe(before);
  });

  it('keeps the head at the last row and the row count as writes append', async () => {
    const head = () => t.sqlite.raw.prepare('select seq, hash, count from audit_head').get();
    const last = () =>
      t.sqlite.raw.prepare('select seq, hash from audit_log order by seq desc limit 1').get() as { seq: number; hash: string };
    expect(head()).toEqual({ ...last(), count: count() });
    const customer = await t.call('customers.create', { name: '链头测试', phone: '13100000071' });
    expect(customer.id).toBeTruthy();
    expect(head()).toEqual({ ...last(), count: count() });
  });

  it('reports a cut tail: fewer rows than the head, or another last hash', async () => {
    const total = count();
    dropGuards();
    t.sqlite.raw.prepare('delete from audit_log where seq > ?').run(total - 2);
    const report = await t.call('audit.verify', {}, { actor: lead });
    expect(report).toEqual({ ok: false, checked: total - 2, firstBad: { seq: total - 1, reason: 'truncated' } });

    // Writing on after the cut chains onto the shortened tail; the head's count still gives it away.
    await t.call('customers.create', { name: '截断之后', phone: '13100000072' });
    expect((await t.call('audit.verify', {}, { actor: lead })).firstBad?.reason).toBe('truncated');
  });

  it('reports a chain whose head was removed', async () => {
    t.sqlite.raw.exec('drop trigger audit_head_no_delete; delete from audit_head;');
    expect((await t.call('audit.verify', {}, { actor: lead })).firstBad?.reason).toBe('truncated');
  });

  it('refuses to change or delete a note: notes are append-only', () => {
    const notes = () => t.sqlite.raw.prepare('select count(*) n from notes').get();
    const before = notes();
    expect(() => t.sqlite.raw.prepare("update notes set body = '改过' where rowid = (select min(rowid) from notes)").run()).toThrow(
      /append-only/,
    );
    expect(() => t.sqlite.raw.prepare('delete from notes').run()).toThrow(/append-only/);
    expect(notes()).toEqual(before);
  });

  it('is for supervisors and admins only', async () => {
    expect((await expectAppError(t.call('audit.verify', {}))).code).toBe('forbidden');
  });
});
