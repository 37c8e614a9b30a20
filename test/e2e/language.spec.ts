import { expect, test } from '@playwright/test';
import { openDesk, openSeedCustomer, searchBox } from './support/desk';
import { STORY_PHONE_DIGITS } from '../fixtures/demo-ids';

test('switching to English changes the interface, and the choice survives a reload', async ({ page }) => {
  await openDesk(page);
  await expect(page.getByRole('heading', { name: '等待来电' })).toBeVisible();
  await expect(page).toHaveTitle('守约 Kept');

  const toggle = page.getByRole('radiogroup', { name: '界面语言' });
  await toggle.getByRole('radio', { name: 'EN' }).click();

  await expect(page.getByRole('heading', { name: 'Waiting for a call' })).toBeVisible();
  await expect(page.getByRole('search').getByRole('combobox', { name: 'Caller number or search words' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Look up' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Kept 守约');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Waiting for a call' })).toBeVisible();
  await searchBox(page).fill(STORY_PHONE_DIGITS);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '何志明' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await expect(page.getByText('Points & vouchers').first()).toBeVisible();
  await expect(page.getByText(/Phone · inbound/).first()).toBeVisible();
  // Names and notes from the database stay as they were written.
  await expect(page.getByText('钱伟 · No. 23338').first()).toBeVisible();

  await page.getByRole('radiogroup', { name: 'Interface language' }).getByRole('radio', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '历史记录' })).toBeVisible();
  await openSeedCustomer(page);
});
