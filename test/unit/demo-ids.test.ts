import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as seed from '../../main/core/demo/ids';
import * as mirror from '../fixtures/demo-ids';
import { openTempCore, type TempCore } from '../fixtures/temp-core';

describe('the demo ids', () => {
  it('the mirror for e2e specs equals the ids the seed uses', () => {
    const { NO_SUCH_ID, ...mirrored } = mirror;
    expect(mirrored).toEqual({ ...seed });
    expect(Object.values(seed)).not.toContain(NO_SUCH_ID);
  });

  describe('in a seeded database', () => {
    let t: TempCore;
    beforeAll(async () => {
      t = await openTempCore({ synthetic: 0 });
    });
    afterAll(() => t.dispose());

    it('the seed customer is found by each form of the number', async () => {
      for (const phone of [seed.STORY_PHONE, seed.STORY_PHONE_DIGITS, seed.STORY_PHONE_TYPED]) {
        const found = await t.call('customers.lookup', { phone });
        expect(found.customer).toMatchObject({ id: seed.STORY_CUSTOMER_ID, name: seed.STORY_CUSTOMER_NAME });
      }
    });

    it('the story cases have these ids and numbers, and the incident exists', async () => {
      for (const [id, number] of [
        [seed.STORY_VOUCHER_CASE_ID, seed.STORY_VOUCHER_CASE_NUMBER],
        [seed.STORY_REFUND_CASE_ID, seed.STORY_REFUND_CASE_NUMBER],
        [seed.STORY_CONDUCT_CASE_ID, seed.STORY_CONDUCT_CASE_NUMBER],
      ] as const) {
        const view = await t.call('cases.get', { id });
        expect(view).toMatchObject({ id, number, customerId: seed.STORY_CUSTOMER_ID });
      }
      const incidents = await t.call('incidents.list', {});
      expect(incidents.map((i) => i.id)).toContain(seed.INCIDENT_MALL);
    });
  });
});
