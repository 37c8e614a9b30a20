import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORY_CUSTOMER_ID, STORY_PHONE, STORY_PHONE_DIGITS } from '../../main/core';
import { expectAppError, openTempCore, type TempCore } from '../fixtures/temp-core';
import { NO_SUCH_ID } from '../fixtures/demo-ids';

let t: TempCore;
// A still clock, so the brief read alone and the brief in the pop are of the same instant.
const now = new Date();
beforeAll(async () => {
  t = await openTempCore({ synthetic: 3, now: () => now });
});
afterAll(() => t.dispose());

describe('customers.pop: the first screen in one request', () => {
  it('by the number as typed, answers what the separate reads answer', async () => {
    const pop = await t.call('customers.pop', { phone: '+86 138-0013-8000', historyLimit: 5 });
    if (!pop.found) throw new Error('the seed customer was not found');
    expect(pop.phone).toBe(STORY_PHONE);
    expect(pop.customer).toEqual(await t.call('customers.get', { id: STORY_CUSTOMER_ID }));
    expect(pop.brief).toEqual(await t.call('customers.brief', { customerId: STORY_CUSTOMER_ID }));
    expect(pop.history).toEqual(await t.call('customers.history', { customerId: STORY_CUSTOMER_ID, limit: 5 }));
    expect(pop.drafts).toEqual(await t.call('drafts.forCustomer', { customerId: STORY_CUSTOMER_ID }));
  });

  it("by id, with the caller's drafts", async () => {
    const caseId = (await t.call('customers.get', { id: STORY_CUSTOMER_ID })).cases[0]!.id;
    await t.call('drafts.save', { caseId, body: '草稿：客户说明天再来电' });
    const pop = await t.call('customers.pop', { customerId: STORY_CUSTOMER_ID });
    expect(pop.found && pop.phone).toBeNull();
    expect(pop.found && pop.drafts.map((d) => d.caseId)).toEqual([caseId]);
    expect(pop.found && pop.history).toEqual(await t.call('customers.history', { customerId: STORY_CUSTOMER_ID }));
  });

  it('an unknown number is not found, with the number normalised', async () => {
    expect(await t.call('customers.pop', { phone: '１３９ ０９９９ ０００１' })).toEqual({ found: false, phone: '+8613909990001' });
  });

  it('refuses bad requests with typed errors', async () => {
    expect((await expectAppError(t.call('customers.pop', { phone: '12345' }))).code).toBe('invalid_input');
    expect((await expectAppError(t.call('customers.pop', {}))).code).toBe('invalid_input');
    expect((await expectAppError(t.call('customers.pop', { phone: STORY_PHONE_DIGITS, customerId: STORY_CUSTOMER_ID }))).code).toBe(
      'invalid_input',
    );
    expect((await expectAppError(t.call('customers.pop', { customerId: NO_SUCH_ID }))).code).toBe('not_found');
  });
});
