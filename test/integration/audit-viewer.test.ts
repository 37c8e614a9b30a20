import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditForCase, auditForPerson } from '../../main/core/audit/read';
import type { DB } from '../../main/db';
import type { AuditEntry } from '../../shared';
import { caseWithHistory, expectCaseTrail } from '../fixtures/audit-trail';
import { DESK, SUPERVISOR } from '../fixtures/supervision';
import { expectAppError, openTempCore, type TempCore } from '../fixtures/temp-core';

let t: TempCore;
let made: Awaited<ReturnType<typeof caseWithHistory>>;
const lead = { actor: SUPERVISOR };

beforeAll(async () => {
  t = await openTempCore();
  made = await caseWithHistory(t.call, '13900077001', Date.now());
});
afterAll(() => t.dispose());

describe('audit.forCase', () => {
  it('shows who did what on the case and what hangs on it, newest first, old → new where recorded', async () => {
    const page = await t.call('audit.forCase', { case: made.kase.id }, lead);
    expect(page.case).toEqual({ id: made.kase.id, number: made.kase.number, title: '账单重复扣费', customerId: made.customer.id });
    expectCaseTrail(page.entries, made);
    expect(page.next).toBeNull();
  });

  it('finds the case by its number too', async () => {
    const byNumber = await t.call('audit.forCase', { case: made.kase.number.toLowerCase() }, lead);
    const byId = await t.call('audit.forCase', { case: made.kase.id }, lead);
    expect(byNumber).toEqual(byId);
  });

  it('pages older entries with the cursor, without gaps or repeats', async () => {
    const all = (await t.call('audit.forCase', { case: made.kase.id }, lead)).entries;
    expect(all.length).toBeGreaterThan(4);
    const seen: AuditEntry[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await t.call('audit.forCase', { case: made.kase.id, limit: 3, ...(before ? { before } : {}) }, lead);
      expect(page.entries.length).toBeLessThanOrEqual(3);
      seen.push(...page.entries);
      if (page.next === null) break;
      before = page.next;
    }
    expect(seen).toEqual(all);
  });

  it('says which case it could not find, and refuses bad input and agents', async () => {
    const missing = await expectAppError(t.call('audit.forCase', { case: 'C-0000-0000' }, lead));
    expect(missing).toMatchObject({ code: 'not_found', issues: [{ path: 'case', message: 'not_found' }] });
    expect((await expectAppError(t.call('audit.forCase', { case: '  ' }, lead))).code).toBe('invalid_input');
    expect((await expectAppError(t.call('audit.forCase', { case: made.kase.id, limit: 1000 }, lead))).code).toBe('invalid_input');
    expect((await expectAppError(t.call('audit.forCase', { case: made.kase.id }, { actor: DESK }))).code).toBe('forbidden');
  });
});

describe('audit.forPerson', () => {
  it('shows only what that person did, newest first', async () => {
    const page = await t.call('audit.forPerson', { employeeNo: SUPERVISOR.employeeNo }, lead);
    expect(page.person).toEqual({ id: SUPERVISOR.id, name: SUPERVISOR.name, employeeNo: SUPERVISOR.employeeNo });
    expect(page.entries.length).toBeGreaterThan(0);
    expect(page.entries.every((e) => e.actor.id === SUPERVISOR.id)).toBe(true);
    expect(page.entries[0]).toMatchObject({ action: 'commitments.reschedule' });
    const desk = await t.call('audit.forPerson', { employeeNo: DESK.employeeNo, limit: 5 }, lead);
    expect(desk.entries).toHaveLength(5);
    expect(desk.next).toBe(desk.entries[4]!.seq);
    const older = await t.call('audit.forPerson', { employeeNo: DESK.employeeNo, limit: 5, before: desk.next! }, lead);
    expect(older.entries[0]!.seq).toBeLessThan(desk.next!);
  });

  it('says when nobody has the employee number, and refuses one that is not a number', async () => {
    expect(await expectAppError(t.call('audit.forPerson', { employeeNo: '99999' }, lead))).toMatchObject({
      code: 'not_found',
      issues: [{ path: 'employeeNo', message: 'not_found' }],
    });
    expect((await expectAppError(t.call('audit.forPerson', { employeeNo: 'x1' }, lead))).code).toBe('invalid_input');
  });
});

describe('the audit reads', () => {
  it('find a case’s rows and a person’s through indexes, never reading the whole chain', async () => {
    const statements: { sql: string; parameters: readonly unknown[] }[] = [];
    const db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: t.sqlite.raw }),
      log: (event) => {
        if (event.level === 'query') statements.push({ sql: event.query.sql, parameters: event.query.parameters });
      },
    });
    await auditForCase(db, { case: made.kase.id });
    await auditForPerson(db, { employeeNo: DESK.employeeNo });
    const plans = statements.map((s) =>
      (t.sqlite.raw.prepare(`explain query plan ${s.sql}`).all(...s.parameters) as { detail: string }[]).map((r) => r.detail).join('\n'),
    );
    const all = plans.join('\n');
    expect(all).not.toMatch(
      /^SCAN (audit_log|notes|commitments|messages|escalations|contact_cases|reviews|surveys|pinned_facts|decisions)\b/m,
    );
    expect(all).toMatch(/MULTI-INDEX OR/);
    expect(all).toMatch(/SEARCH audit_log USING INDEX audit_log_entity \(entity=\? AND entity_id=\?\)/);
    expect(all).toMatch(/SEARCH audit_log USING INDEX audit_log_actor \(actor_id=\?\)/);
  });
});

describe('a tampered audit row', () => {
  it('shows as the first broken link: its position, its write and its time', async () => {
    const rename = (await t.call('audit.forCase', { case: made.kase.id }, lead)).entries.find((e) => e.action === 'cases.update')!;
    expect((await t.call('audit.verify', {}, lead)).ok).toBe(true);
    // Someone with the file in hand: the append-only guard dropped first, then the recorded title changed.
    t.sqlite.raw.exec('drop trigger audit_log_no_update');
    t.sqlite.raw.prepare(`update audit_log set data = replace(data, '账单重复扣费', '已改过') where seq = ?`).run(rename.seq);
    const report = await t.call('audit.verify', {}, lead);
    expect(report).toEqual({
      ok: false,
      checked: rename.seq,
      firstBad: {
        seq: rename.seq,
        reason: 'hash_mismatch',
        row: { at: rename.at, mutationId: rename.mutationId, action: 'cases.update', entity: 'case', entityId: made.kase.id },
      },
    });
    // The trail shows the row as it now reads; the check is what says it cannot be trusted.
    const after = (await t.call('audit.forCase', { case: made.kase.id }, lead)).entries.find((e) => e.seq === rename.seq)!;
    expect(after.changes).toEqual(expect.arrayContaining([{ kind: 'changed', field: 'title', from: '账单有误', to: '已改过' }]));
  });
});
