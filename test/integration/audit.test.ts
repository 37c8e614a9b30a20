import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, verifyAudit } from '../../main/core';
import { expectAppError, openTempCore, type TempCore } from '../fixtures/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = await openTempCore();
});
afterEach(() => t.dispose());

const lead = DEMO_AGENTS.supervisor;

describe('audit.verify', () => {
  it('accepts an untouched chain', async () => {
    const report = await t.call('audit.verify', {}, { actor: lead });
    expect(report.ok).toBe(true);
    expect(report.checked).toBeGreaterThan(10);
  });

  it('finds a row whose content was altered', async () => {
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
    t.sqlite.raw.prepare('delete from audit_log where seq = 5').run();
    const report = await t.call('audit.verify', {}, { actor: lead });
    expect(report).toMatchObject({ ok: false, firstBad: { seq: 6, reason: 'broken_link' } });
  });

  it('finds a re-hashed row by the link of the next one', async () => {
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
    t.sqlite.raw.prepare("update audit_log set data = data || ' ' where seq = ?").run(late);
    expect(await verifyAudit(t.sqlite.db, 7)).toEqual({ ok: false, checked: late, firstBad: { seq: late, reason: 'hash_mismatch' } });
  });

  it('is for supervisors and admins only', async () => {
    expect((await expectAppError(t.call('audit.verify', {}))).code).toBe('forbidden');
  });
});
