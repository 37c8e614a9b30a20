import { expect, test } from '@playwright/test';
import { lookUp, noteBox, openDesk, rpc, SEED, searchBox } from './support/desk';

interface Drafts {
  caseId: string;
  updatedAt: string;
}

test('after Enter, the note box takes focus when the customer arrives', async ({ page }) => {
  await openDesk(page);
  await lookUp(page, '13800138000');
  await expect(page.getByRole('heading', { level: 1, name: SEED.name })).toBeVisible();
  await expect(noteBox(page)).toBeFocused();
});

test('typing the next number while a screen pop settles stays in the search box; no draft is saved on the customer who arrives', async ({
  page,
  request,
}) => {
  const { customer } = await rpc<{ customer: { id: string } }>(request, 'customers.lookup', { phone: '13800138000' });
  const draftsBefore = await rpc<Drafts[]>(request, 'drafts.forCustomer', { customerId: customer.id });

  await openDesk(page);
  // The pop is held back until the agent has started on the next caller's number.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let pops = 0;
  await page.route('**/api/rpc/customers.pop', async (route) => {
    pops += 1;
    await held;
    await route.continue();
  });

  await lookUp(page, '13800138000');
  await expect.poll(() => pops).toBe(1);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('139');
  release();

  // The customer arrives while the agent is typing; the rest of the number lands where the first digits did.
  await expect(page.getByRole('heading', { level: 1, name: SEED.name })).toBeVisible();
  await expect(noteBox(page)).toBeEnabled();
  await page.keyboard.type('00139000');

  await expect(searchBox(page)).toHaveValue('13900139000');
  await expect(searchBox(page)).toBeFocused();
  await expect(noteBox(page)).toHaveValue('');
  await expect(page.locator('#note-draft-status')).not.toContainText(/已保存|保存中|Saved|Saving/);
  // Past the draft's idle pause: the host holds no new draft for this customer.
  await page.waitForTimeout(1_500);
  expect(await rpc<Drafts[]>(request, 'drafts.forCustomer', { customerId: customer.id })).toEqual(draftsBefore);
});
