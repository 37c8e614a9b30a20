import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSurveyFromWebhook } from '../../main/core/surveys';
import { AppError, newId } from '../../shared';
import { customerWithCall, DESK, resolveCase } from '../fixtures/supervision';
import { openTempCore, type TempCore } from '../fixtures/temp-core';

let t: TempCore;
let phone = 13900066000;
beforeAll(async () => {
  t = await openTempCore();
});
afterAll(() => t.dispose());

type Op =
  | { kind: 'resolve' }
  | { kind: 'answer'; score: number; via: 'agent' | 'webhook' }
  /** The last answer delivered again: the same mutation id, or the same signed delivery. */
  | { kind: 'replay' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'resolve' as const }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      score: fc.integer({ min: 1, max: 5 }),
      via: fc.constantFrom('agent' as const, 'webhook' as const),
    }),
    weight: 3,
  },
  { arbitrary: fc.constant({ kind: 'replay' as const }), weight: 1 },
);

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

describe('survey answers, any sequence', () => {
  it('reopen the case iff some accepted score is ≤ 2, and never count an answer twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        const { kase } = await customerWithCall(t, DESK, String(++phone));
        const model = { open: true, pending: false, surveys: 0, accepted: [] as number[], reopened: 0 };
        let last: (() => Promise<unknown>) | null = null;
        for (const o of ops) {
          if (o.kind === 'resolve') {
            await resolveCase(t, kase.id, DESK);
            if (model.open) Object.assign(model, { open: false, pending: true, surveys: model.surveys + 1 });
            continue;
          }
          if (o.kind === 'replay') {
            if (last) await codeOf(last());
            continue;
          }
          const token = (
            t.sqlite.raw
              .prepare('select token from surveys where case_id = ? order by created_at desc, rowid desc limit 1')
              .get(kase.id) as { token: string } | undefined
          )?.token;
          const mutationId = newId();
          const signature = newId().replace(/-/g, '') + newId().replace(/-/g, '');
          const send = (): Promise<unknown> =>
            o.via === 'agent'
              ? t.call('surveys.answer', { caseId: kase.id, score: o.score }, { mutationId })
              : answerSurveyFromWebhook(t.core.deps, { caseNumber: kase.number, token: token ?? 'NONE0000', score: o.score }, signature);
          const code = await codeOf(send());
          if (model.surveys === 0) expect(code).toBe('not_found');
          else if (!model.pending) expect(code).toBe('conflict');
          else {
            expect(code).toBe('ok');
            model.accepted.push(o.score);
            model.pending = false;
            if (o.score <= 2) Object.assign(model, { open: true, reopened: model.reopened + 1 });
            last = send;
          }
        }
        const view = await t.call('cases.get', { id: kase.id });
        const answered = t.sqlite.raw
          .prepare('select score from surveys where case_id = ? and answered_at is not null order by answered_at, rowid')
          .all(kase.id);
        const lows = t.sqlite.raw
          .prepare("select count(*) as n from escalations where case_id = ? and reason = 'low_csat'")
          .get(kase.id) as { n: number };
        expect(answered).toEqual(model.accepted.map((score) => ({ score })));
        expect(lows.n).toBe(model.reopened);
        expect(lows.n > 0).toBe(model.accepted.some((s) => s <= 2));
        expect(view.status === 'open').toBe(model.open);
        expect(view.level >= 2).toBe(model.reopened > 0);
      }),
      { numRuns: 30 },
    );
  }, 300_000);
});
