import { expect, type Page, test } from '@playwright/test';
import { brief, openDesk, openSeedCustomer, timeline } from './support/desk';
import { STORY_VOUCHER_CASE_NUMBER } from '../fixtures/demo-ids';

function factsSection(page: Page) {
  return brief(page).locator('.brief-facts');
}

async function openPinDialog(page: Page) {
  await page.keyboard.press('Alt+P');
  const dialog = page.getByRole('dialog', { name: '置顶一条事实' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a short fact written by the agent is pinned, survives a reload, and can be unpinned', async ({ page }) => {
  const text = `客户3月18日已到中山八路屈臣氏门店：50元兑换卡缺货（${Date.now()}）`;
  await openDesk(page);
  await openSeedCustomer(page);

  const dialog = await openPinDialog(page);
  await dialog.getByLabel('事实').fill(text);
  const voucherCase = await dialog.locator('option', { hasText: STORY_VOUCHER_CASE_NUMBER }).getAttribute('value');
  await dialog.getByLabel('关联工单').selectOption(voucherCase ?? '');
  await dialog.getByRole('button', { name: '置顶', exact: true }).click();
  await expect(dialog).toBeHidden();

  const fact = factsSection(page).locator('.fact', { hasText: text });
  await expect(fact).toContainText('林晓 · 工号 20001');
  await expect(fact).toContainText(STORY_VOUCHER_CASE_NUMBER);

  await page.reload();
  await openSeedCustomer(page);
  await expect(fact).toBeVisible();
  await expect(fact).toContainText('林晓 · 工号 20001');

  // Unpinning asks once, in place.
  await fact.hover();
  await fact.getByRole('button', { name: /取消置顶/ }).click();
  await fact.getByRole('group', { name: '确定取消置顶？' }).getByRole('button', { name: '取消置顶' }).click();
  await expect(fact).toHaveCount(0);
  await page.reload();
  await openSeedCustomer(page);
  await expect(factsSection(page).locator('.fact').first()).toBeVisible();
  await expect(factsSection(page).locator('.fact', { hasText: text })).toHaveCount(0);
});

test('a note in the history is pinned from its entry, and then says it is pinned', async ({ page }) => {
  await openDesk(page);
  await openSeedCustomer(page);
  const entry = timeline(page).locator('article', { hasText: '客户反映重新获取的凭证码兑换期限仍是21日' });
  await entry.scrollIntoViewIfNeeded();
  await entry.hover();
  await entry.getByRole('button', { name: /置顶备注/ }).click();
  await expect(entry.getByText('已置顶')).toBeVisible();

  const fact = factsSection(page).locator('.fact', { hasText: '客户反映重新获取的凭证码兑换期限仍是21日' });
  await expect(fact).toContainText('林晓 · 工号 20001');

  // Leave the seed customer's brief as it was.
  await fact.hover();
  await fact.getByRole('button', { name: /取消置顶/ }).click();
  await fact.getByRole('button', { name: '取消置顶', exact: true }).click();
  await expect(fact).toHaveCount(0);
  await expect(entry.getByRole('button', { name: /置顶备注/ })).toBeAttached();
});

test('an empty fact and an over-long fact are refused with a message, and nothing is pinned', async ({ page }) => {
  await openDesk(page);
  await openSeedCustomer(page);
  const before = await factsSection(page).locator('.fact').count();

  const dialog = await openPinDialog(page);
  await dialog.getByLabel('事实').fill('   ');
  await dialog.getByRole('button', { name: '置顶', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('请先写下要置顶的事实。');
  await expect(dialog.getByLabel('事实')).toHaveAttribute('aria-invalid', 'true');

  const long = '客户反映兑换券问题'.repeat(25);
  await dialog.getByLabel('事实').fill(long);
  await expect(dialog.getByText(`${long.length} / 200 字`)).toBeVisible();
  await dialog.getByRole('button', { name: '置顶', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText(`置顶事实最多 200 字，现在有 ${long.length} 字。请精简后再置顶。`);
  await expect(dialog).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(factsSection(page).locator('.fact')).toHaveCount(Math.min(before, 4));
});
