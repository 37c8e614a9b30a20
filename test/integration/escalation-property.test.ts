import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVE_STATES, TRANSITIONS } from '../../main/core/promises/escalation-workflow';
import { type Agent, AppError, EscalationAction, EscalationStatus } from '../../shared';
import { act, auditOf, people } from '../fixtures/escalation-flow';
import { openTempCore, type TempCore } from '../fixtures/temp-core';

let t: TempCore;
let phone = 13_900_077_000;
beforeAll(async () => {
  t = await openTempCore();
});
afterAll(() => t.dispose());

const CAST: readonly Agent[] = [people.agent, people.supervisor, people.supervisor2, people.complaints, people.admin];
const step = fc.record({
  action: fc.constantFrom(...EscalationAction.options),
  actor: fc.constantFrom(...CAST),
  toId: fc.constantFrom(...CAST.map((p) => p.id)),
});

async function row(id: string) {
  return t.core.deps.db.selectFrom('escalations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('escalations, any sequence of actions by anyone', () => {
  it('stay in a legal state, move only as the table says, and every move — and only a move — is audited', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        const customer = await t.call('customers.create', { name: '测试客户', phone: `+86${++phone}` });
        const kase = await t.call('cases.create', { customerId: customer.id, title: '多次投诉未解决', category: 'billing' });
        const raised = await t.call('escalations.raise', { caseId: kase.id, reason: '客户要求升级' }, { actor: people.agent });
        for (const s of steps) {
          const before = await row(raised.id);
          const audited = (await auditOf(t.core.deps.db, raised.id)).length;
          let ok = true;
          try {
            await act(t, s.action, raised.id, s.actor, s.toId);
          } catch (error) {
            if (!(error instanceof AppError) || error.code === 'internal') throw error;
            ok = false;
          }
          const after = await row(raised.id);
          const audit = await auditOf(t.core.deps.db, raised.id);
          // a legal state, level and owner, whatever happened
          expect(EscalationStatus.options).toContain(after.status);
          expect(after.level).toBeGreaterThanOrEqual(1);
          expect(after.level).toBeLessThanOrEqual(3);
          if (after.status === 'accepted') expect(after.owner_id).not.toBeNull();
          if (ACTIVE_STATES.includes(after.status as EscalationStatus)) expect(after.due_at).not.toBeNull();
          if (ok) {
            // the table's move (raised by hand, it asks for no offer: an approval never goes up instead)
            const expected = TRANSITIONS[before.status as EscalationStatus][s.action];
            expect(expected).toBeDefined();
            expect(after.status).toBe(expected);
            expect(audit).toHaveLength(audited + 1);
            expect(audit.at(-1)!.data).toMatchObject({ status: { from: before.status, to: after.status } });
          } else {
            expect(after).toEqual(before);
            expect(audit).toHaveLength(audited);
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});
