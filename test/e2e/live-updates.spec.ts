import { expect, test } from '@playwright/test';
import { openDesk, openSeedCustomer, rpc, timeline } from './support/desk';
import { STORY_PHONE_DIGITS, STORY_VOUCHER_CASE_NUMBER } from '../fixtures/demo-ids';

interface Found {
  customer: { id: string } | null;
}
interface CustomerWithCases {
  cases: Array<{ id: string; number: string }>;
}

test('a note written at another desk appears on this one without a reload', async ({ page, request }) => {
  await openDesk(page);
  await openSeedCustomer(page);
  // A change is pushed only to a desk whose event channel is open: write once it is, not before.
  await expect(page.locator('.connection-open')).toBeAttached();

  const found = await rpc<Found>(request, 'customers.lookup', { phone: STORY_PHONE_DIGITS });
  const customer = await rpc<CustomerWithCases>(request, 'customers.get', { id: found.customer?.id });
  const voucherCase = customer.cases.find((c) => c.number === STORY_VOUCHER_CASE_NUMBER);
  const body = `另一席位记录：已安排专人48小时内回电。（${Date.now()}）`;
  await rpc(request, 'notes.add', { caseId: voucherCase?.id, body });

  await expect(timeline(page).locator('article').first()).toContainText(body);
});
