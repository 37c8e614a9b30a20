import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared';
import { DESK, customerWithCall, fullScorecard, QIAN_WEI, SUPERVISOR } from '../fixtures/supervision';
import { expectAppError, openTempCore, type TempCore } from '../fixtures/temp-core';

let t: TempCore;
let deskContact: string;
let qianContact: string;
beforeAll(async () => {
  t = await openTempCore();
  deskContact = (await customerWithCall(t, DESK, '13900011001')).contact.id;
  qianContact = (await customerWithCall(t, QIAN_WEI, '13900011002')).contact.id;
});
afterAll(() => t.dispose());

describe('QA reviews', () => {
  it('a supervisor reviews a contact against the scorecard; the review is of the contact’s agent, audited', async () => {
    const review = await t.call(
      'reviews.create',
      { contactId: deskContact, items: [...fullScorecard(4)].reverse().map((i, n) => ({ ...i, score: n + 2 })), comment: '整体良好' },
      { actor: SUPERVISOR },
    );
    expect(review).toMatchObject({ contactId: deskContact, agent: { id: DESK.id }, reviewer: { id: SUPERVISOR.id }, comment: '整体良好' });
    // Stored in scorecard order, whatever order they were given in; the score is their mean.
    expect(review.items.map((i) => i.item)).toEqual(['courtesy', 'accuracy', 'ownership', 'promise_discipline']);
    expect(review.items.map((i) => i.score)).toEqual([5, 4, 3, 2]);
    expect(review.score).toBe(3.5);
    const audit = t.sqlite.raw
      .prepare("select count(*) as n from audit_log where action = 'reviews.create' and entity_id = ?")
      .get(review.id) as {
      n: number;
    };
    expect(audit.n).toBe(1);
    expect((await t.call('audit.verify', {}, { actor: SUPERVISOR })).ok).toBe(true);
  });

  it('one review per contact per reviewer: a second is a conflict and writes nothing', async () => {
    const error = await expectAppError(
      t.call('reviews.create', { contactId: deskContact, items: fullScorecard(), comment: '再评一次' }, { actor: SUPERVISOR }),
    );
    expect(error.code).toBe('conflict');
    expect(error.issues).toEqual([{ path: 'contactId', message: 'already_reviewed' }]);
    expect((await t.call('reviews.list', { contactId: deskContact }, { actor: SUPERVISOR })).length).toBe(1);
  });

  it('nobody reviews their own contact', async () => {
    const own = await customerWithCall(t, SUPERVISOR, '13900011003');
    const error = await expectAppError(
      t.call('reviews.create', { contactId: own.contact.id, items: fullScorecard(), comment: '自评' }, { actor: SUPERVISOR }),
    );
    expect(error).toMatchObject({ code: 'forbidden', issues: [{ path: 'contactId', message: 'own_contact' }] });
  });

  it.each([
    ['an unknown contact', () => ({ contactId: newId(), items: fullScorecard(), comment: '好' }), 'not_found'],
    ['a missing item', () => ({ contactId: qianContact, items: fullScorecard().slice(1), comment: '好' }), 'invalid_input'],
    [
      'an item twice',
      () => ({ contactId: qianContact, items: [...fullScorecard().slice(1), fullScorecard()[1]!], comment: '好' }),
      'invalid_input',
    ],
    ['a score of 0', () => ({ contactId: qianContact, items: fullScorecard(0), comment: '好' }), 'invalid_input'],
    ['a score of 6', () => ({ contactId: qianContact, items: fullScorecard(6), comment: '好' }), 'invalid_input'],
    ['a score of 2.5', () => ({ contactId: qianContact, items: fullScorecard(2.5), comment: '好' }), 'invalid_input'],
    [
      'an item without a comment',
      () => ({ contactId: qianContact, items: fullScorecard().map((i) => ({ ...i, comment: ' ' })), comment: '好' }),
      'invalid_input',
    ],
    ['no overall comment', () => ({ contactId: qianContact, items: fullScorecard(), comment: '\u200b' }), 'invalid_input'],
    [
      'an unknown item',
      () => ({ contactId: qianContact, items: [...fullScorecard().slice(1), { item: 'speed', score: 3, comment: '快' }], comment: '好' }),
      'invalid_input',
    ],
  ])('refuses %s with a typed error and writes nothing', async (_what, input, code) => {
    const error = await expectAppError(t.call('reviews.create', input() as never, { actor: SUPERVISOR }));
    expect(error.code).toBe(code);
    expect((await t.call('reviews.list', { contactId: qianContact }, { actor: SUPERVISOR })).length).toBe(0);
  });

  it('lists by contact, by agent and by date range; a list without any of them is refused', async () => {
    await t.call('reviews.create', { contactId: qianContact, items: fullScorecard(2), comment: '需改进' }, { actor: SUPERVISOR });
    expect((await t.call('reviews.list', { agentId: QIAN_WEI.id }, { actor: SUPERVISOR })).map((r) => r.contactId)).toEqual([qianContact]);
    const hour = 3_600_000;
    const all = await t.call(
      'reviews.list',
      { from: new Date(Date.now() - hour).toISOString(), to: new Date(Date.now() + hour).toISOString() },
      { actor: SUPERVISOR },
    );
    expect(all.map((r) => r.contactId).sort()).toEqual([deskContact, qianContact].sort());
    const past = await t.call(
      'reviews.list',
      { from: new Date(Date.now() - 2 * hour).toISOString(), to: new Date(Date.now() - hour).toISOString() },
      { actor: SUPERVISOR },
    );
    expect(past).toEqual([]);
    expect((await expectAppError(t.call('reviews.list', {}, { actor: SUPERVISOR }))).code).toBe('invalid_input');
    expect((await expectAppError(t.call('reviews.list', { from: new Date().toISOString() }, { actor: SUPERVISOR }))).code).toBe(
      'invalid_input',
    );
  });

  it('an agent sees their own reviews, never another agent’s, and may not create or list reviews', async () => {
    const mine = await t.call('reviews.mine', {}, { actor: DESK });
    expect(mine.map((r) => r.agent.id)).toEqual([DESK.id]);
    const his = await t.call('reviews.mine', {}, { actor: QIAN_WEI });
    expect(his.map((r) => r.agent.id)).toEqual([QIAN_WEI.id]);
    expect(
      (await expectAppError(t.call('reviews.create', { contactId: qianContact, items: fullScorecard(), comment: '好' }, { actor: DESK })))
        .code,
    ).toBe('forbidden');
    expect((await expectAppError(t.call('reviews.list', { agentId: QIAN_WEI.id }, { actor: DESK }))).code).toBe('forbidden');
    // reviews.mine takes no agent: naming one is refused, not obeyed.
    expect((await expectAppError(t.call('reviews.mine', { agentId: QIAN_WEI.id } as never, { actor: DESK }))).code).toBe('invalid_input');
  });
});
