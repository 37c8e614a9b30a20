import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorityFor } from '../../main/core/promises/policy-answer';
import { type Agent, AppError, type OfferKind } from '../../shared';
import { addCast, type Cast, voucherCase } from '../fixtures/authority-case';
import { openTempCore, type TempCore } from '../fixtures/temp-core';

/*
 * Random sequences of grants, approval requests, decisions and moves by random people on one case:
 * whatever the order and whoever acts, what is granted never passes what policy and authority
 * allowed, and no request is decided by the person who made it.
 */
let t: TempCore;
let cast: Cast;
let people: Agent[];
const now = new Date();
const HOUR = 3_600_000;
let phones = 13_700_000_000;

beforeAll(async () => {
  t = await openTempCore({ now: () => now });
  cast = await addCast(t);
  people = [cast.agent, cast.otherAgent, cast.supervisor, cast.otherSupervisor, cast.admin];
});
afterAll(() => t.dispose());

const OFFERS: OfferKind[] = ['conversion', 'extension', 'goodwill', 'refund'];
const who = fc.integer({ min: 0, max: 4 });
// Mostly amounts near the limits (extension 30 days, conversion the voucher's value), now and then anything.
const amount = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 60 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 400 }) },
);
const offer = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<OfferKind>('conversion', 'extension') },
  { weight: 1, arbitrary: fc.constantFrom(...OFFERS) },
);
const Step = fc.oneof(
  fc.record({ op: fc.constant('grant' as const), who, offer, amount }),
  fc.record({ op: fc.constant('request' as const), who, offer, amount }),
  fc.record({ op: fc.constant('decide' as const), who, pick: fc.nat(), approve: fc.boolean() }),
  fc.record({ op: fc.constant('move' as const), who, pick: fc.nat(), hours: fc.integer({ min: 1, max: 400 }) }),
);
type Step = typeof Step extends fc.Arbitrary<infer S> ? S : never;

/** Runs one step; a typed refusal is an answer like any other, anything else fails the property. */
async function run(step: Step, caseId: string, supplied: { voucherValue: number }): Promise<void> {
  const actor = people[step.who]!;
  try {
    if (step.op === 'grant')
      await t.call(
        'commitments.create',
        { caseId, kind: step.offer, wording: `给予${step.amount}`, amount: step.amount, supplied },
        { actor },
      );
    else if (step.op === 'request')
      await t.call('escalations.request', { caseId, offer: step.offer, amount: step.amount, reason: '申请', supplied }, { actor });
    else if (step.op === 'decide') {
      const open = await t.call('escalations.list', { caseId, status: 'open' });
      const target = open[step.pick % Math.max(1, open.length)];
      if (target) await t.call('escalations.decide', { id: target.id, approve: step.approve }, { actor });
    } else {
      const open = (await t.call('commitments.list', { caseId })).filter((c) => c.status === 'open');
      const target = open[step.pick % Math.max(1, open.length)];
      if (target)
        await t.call(
          'commitments.reschedule',
          { id: target.id, dueAt: new Date(Date.parse(target.dueAt) + step.hours * HOUR).toISOString(), reason: '改约' },
          { actor },
        );
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
}

async function checkInvariants(caseId: string): Promise<void> {
  const db = t.core.deps.db;
  const commitments = await db
    .selectFrom('commitments')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const escalations = await db.selectFrom('escalations').selectAll().where('case_id', '=', caseId).execute();
  const roles = new Map(people.map((p) => [p.id, p.role]));

  // Nobody decided their own request.
  for (const e of escalations) if (e.decided_by) expect(e.decided_by).not.toBe(e.raised_by);

  const totals = new Map<string, number>();
  for (const c of commitments) {
    if (!OFFERS.includes(c.kind as OfferKind)) continue;
    const offer = c.kind as OfferKind;
    const total = (totals.get(offer) ?? 0) + (c.amount ?? 0);
    totals.set(offer, total);
    // Within the policy limit the decision behind the grant recorded, counting every grant before it.
    const decision = await db.selectFrom('decisions').select('answer').where('id', '=', c.decision_id!).executeTakeFirstOrThrow();
    const limit = (JSON.parse(decision.answer) as { offers: { offer: string; limit: number }[] }).offers.find(
      (o) => o.offer === offer,
    )?.limit;
    expect(limit, `${offer} granted without a policy offer`).toBeDefined();
    expect(total).toBeLessThanOrEqual(limit!);
    // Within the granter's authority, or approved by someone else whose authority covers the total.
    const own = (await authorityFor(t.core.deps.policy, roles.get(c.owner_id)!)).authority[offer];
    if (total > own) {
      const approval = escalations.find((e) => e.id === c.escalation_id);
      expect(approval, `${offer} ${total} above ${own} without an approval`).toBeDefined();
      expect(approval!.commitment_id).toBe(c.id);
      expect(approval!.amount!).toBeGreaterThanOrEqual(c.amount ?? 0);
      const decider = (await authorityFor(t.core.deps.policy, roles.get(approval!.decided_by!)!)).authority[offer];
      expect(decider).toBeGreaterThanOrEqual(total);
    }
    // Moves stay within policy: no more than twice, however they were asked for.
    expect(c.reschedules).toBeLessThanOrEqual(2);
  }
}

describe('authority holds for any sequence of requests', () => {
  it('granted totals never pass policy or authority, and nobody decides their own request', async () => {
    await fc.assert(
      // The voucher value the agents tell (the record has none), one per case, so its limits stay put.
      fc.asyncProperty(fc.constantFrom(50, 150, 300), fc.array(Step, { minLength: 1, maxLength: 16 }), async (voucherValue, steps) => {
        const { caseId } = await voucherCase(t, String(++phones));
        for (const step of steps) await run(step, caseId, { voucherValue });
        await checkInvariants(caseId);
      }),
      { numRuns: 60 },
    );
  });
});
