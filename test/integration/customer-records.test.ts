import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORY_CUSTOMER_ID, STORY_PHONE, STORY_PHONE_DIGITS } from '../../main/core';
import { expectAppError, openTempCore, type TempCore } from '../fixtures/temp-core';
import { NO_SUCH_ID } from '../fixtures/demo-ids';

let t: TempCore;
beforeEach(async () => {
  t = await openTempCore({ synthetic: 5 });
});
afterEach(() => t.dispose());

const count = (sql: string) => (t.sqlite.raw.prepare(sql).get() as { n: number }).n;

describe('customers.update', () => {
  it('renames and re-tiers against the version seen, audits old → new, and search finds the new name', async () => {
    const before = await t.call('customers.get', { id: STORY_CUSTOMER_ID });
    const updated = await t.call('customers.update', { id: STORY_CUSTOMER_ID, version: before.version, name: '何智明', tier: 'gold' });
    expect(updated).toMatchObject({ name: '何智明', tier: 'gold', version: before.version + 1 });
    expect((await t.call('customers.lookup', { phone: STORY_PHONE_DIGITS })).customer?.name).toBe('何智明');

    const audit = t.sqlite.raw
      .prepare("select data from audit_log where entity = 'customer' and entity_id = ? order by seq desc limit 1")
      .get(STORY_CUSTOMER_ID) as { data: string };
    expect(JSON.parse(audit.data).changes).toEqual([
      { field: 'name', from: '何志明', to: '何智明' },
      { field: 'tier', from: 'silver', to: 'gold' },
    ]);
    const found = await t.call('search.global', { q: '智明' });
    expect(found.customers.map((c) => c.customer.id)).toContain(STORY_CUSTOMER_ID);
    expect((await t.call('search.global', { q: '何志明' })).customers.map((c) => c.customer.id)).not.toContain(STORY_CUSTOMER_ID);
  });

  it('refuses a stale version with a conflict and changes nothing', async () => {
    const { version } = await t.call('customers.get', { id: STORY_CUSTOMER_ID });
    await t.call('customers.update', { id: STORY_CUSTOMER_ID, version, tier: 'gold' });
    const stale = await expectAppError(t.call('customers.update', { id: STORY_CUSTOMER_ID, version, name: '别的名字' }));
    expect(stale).toMatchObject({ code: 'conflict', issues: [{ path: 'version', message: 'stale_version' }] });
    expect((await t.call('customers.get', { id: STORY_CUSTOMER_ID })).name).toBe('何志明');
  });

  it('refuses an empty or over-long name, an unknown tier and an unknown customer', async () => {
    const { version } = await t.call('customers.get', { id: STORY_CUSTOMER_ID });
    expect((await expectAppError(t.call('customers.update', { id: STORY_CUSTOMER_ID, version, name: '   ' }))).issues?.[0]).toMatchObject({
      path: 'name',
      message: 'required',
    });
    expect(
      (await expectAppError(t.call('customers.update', { id: STORY_CUSTOMER_ID, version, name: '名'.repeat(81) }))).issues?.[0],
    ).toMatchObject({ path: 'name', message: 'too_long' });
    expect((await expectAppError(t.call('customers.update', { id: STORY_CUSTOMER_ID, version, tier: 'diamond' as never }))).code).toBe(
      'invalid_input',
    );
    expect((await expectAppError(t.call('customers.update', { id: NO_SUCH_ID, version: 1, name: '谁' }))).code).toBe('not_found');
  });
});

describe('customers.addPhone and customers.removePhone', () => {
  it('attaches a new number however it is typed, so a call from it pops the same customer; adding it again changes nothing', async () => {
    const with2 = await t.call('customers.addPhone', {
      customerId: STORY_CUSTOMER_ID,
      phone: '０１０－６５５２ ９９８８',
      label: '家里座机',
    });
    expect(with2.phones).toEqual([
      { e164: STORY_PHONE, label: null },
      { e164: '+861065529988', label: '家里座机' },
    ]);
    expect((await t.call('customers.lookup', { phone: '010 6552 9988' })).customer?.id).toBe(STORY_CUSTOMER_ID);
    const again = await t.call('customers.addPhone', { customerId: STORY_CUSTOMER_ID, phone: '+86 10 6552 9988' });
    expect(again.phones).toHaveLength(2);
    expect(again.version).toBe(with2.version);
  });

  it('refuses a number that is another customer’s, and a malformed one, writing nothing', async () => {
    const other = await t.call('customers.create', { name: '周一鸣', phone: '13900001111' });
    const rows = count('select count(*) n from customer_phones');
    const taken = await expectAppError(t.call('customers.addPhone', { customerId: STORY_CUSTOMER_ID, phone: '139 0000 1111' }));
    expect(taken).toMatchObject({ code: 'conflict', issues: [{ path: 'phone', message: 'phone_taken' }] });
    expect(
      (await expectAppError(t.call('customers.addPhone', { customerId: STORY_CUSTOMER_ID, phone: '12345' }))).issues?.[0],
    ).toMatchObject({ path: 'phone', message: 'phone_invalid' });
    expect(
      (await expectAppError(t.call('customers.addPhone', { customerId: STORY_CUSTOMER_ID, phone: '13900002222', label: '标'.repeat(21) })))
        .issues?.[0],
    ).toMatchObject({ path: 'label', message: 'too_long' });
    expect(count('select count(*) n from customer_phones')).toBe(rows);
    expect((await t.call('customers.lookup', { phone: '13900001111' })).customer?.id).toBe(other.id);
  });

  it('removes a number the customer no longer has, but never the last one', async () => {
    await t.call('customers.addPhone', { customerId: STORY_CUSTOMER_ID, phone: '13700007777', label: '旧号' });
    const after = await t.call('customers.removePhone', { customerId: STORY_CUSTOMER_ID, phone: '137 0000 7777' });
    expect(after.phones.map((p) => p.e164)).toEqual([STORY_PHONE]);
    expect((await t.call('customers.lookup', { phone: '13700007777' })).customer).toBeNull();

    const last = await expectAppError(t.call('customers.removePhone', { customerId: STORY_CUSTOMER_ID, phone: STORY_PHONE_DIGITS }));
    expect(last).toMatchObject({ code: 'invalid_input', issues: [{ path: 'phone', message: 'last_phone' }] });
    const notTheirs = await expectAppError(t.call('customers.removePhone', { customerId: STORY_CUSTOMER_ID, phone: '13700007777' }));
    expect(notTheirs).toMatchObject({ code: 'not_found', issues: [{ path: 'phone', message: 'not_found' }] });
    expect((await t.call('customers.lookup', { phone: STORY_PHONE_DIGITS })).customer?.id).toBe(STORY_CUSTOMER_ID);
  });

  it('moves the record’s version on, so an edit made against the old one is caught', async () => {
    const { version } = await t.call('customers.get', { id: STORY_CUSTOMER_ID });
    await t.call('customers.addPhone', { customerId: STORY_CUSTOMER_ID, phone: '13700008888' });
    expect((await expectAppError(t.call('customers.update', { id: STORY_CUSTOMER_ID, version, tier: 'gold' }))).code).toBe('conflict');
  });
});
