import { expect, type Page, test } from '@playwright/test';
import { brief, openDesk, searchBox, searchResults, SEED } from './support/desk';
import { STORY_PHONE_TYPED, STORY_VOUCHER_CASE_NUMBER } from '../fixtures/demo-ids';

/** Ctrl+K and type, as an agent would; the list follows the typing. */
async function search(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+K');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type(text);
  await expect(searchBox(page)).toHaveValue(text);
}

/** The note results, each with the marked words and the customer it belongs to. */
function noteResults(page: Page) {
  return searchResults(page).getByRole('group', { name: '备注' }).getByRole('option');
}

test('a two-character Chinese word finds the note, with the match marked and the customer named', async ({ page }) => {
  await openDesk(page);
  await search(page, '缺货');
  const hit = noteResults(page).filter({ hasText: '不是我们的问题' });
  await expect(hit).toHaveCount(1);
  await expect(hit.locator('mark')).toHaveText(['缺货']);
  await expect(hit).toContainText(SEED.name);
  await expect(hit).toContainText('钱伟 · 工号 23338');
  // The case whose title has the word is found too, in its own group.
  await expect(
    searchResults(page).getByRole('group', { name: '工单' }).getByRole('option', { name: STORY_VOUCHER_CASE_NUMBER }).locator('mark'),
  ).toHaveText(['缺货']);
});

test('a four-character phrase finds the notes that contain it', async ({ page }) => {
  await openDesk(page);
  await search(page, '系统升级');
  const hits = noteResults(page).filter({ hasText: SEED.name });
  await expect(hits.filter({ hasText: '晚上9点后客户再次尝试' })).toHaveCount(1);
  await expect(hits.filter({ hasText: '晚上9点后客户再次尝试' }).locator('mark')).toHaveText(['系统升级']);
  await expect(hits.filter({ hasText: '已建议客户晚上9点后再试' }).locator('mark')).toHaveText(['系统升级']);
});

test('English words in a note are found as well', async ({ page }) => {
  await openDesk(page);
  await search(page, 'roaming');
  const hit = noteResults(page).first();
  await expect(hit.locator('mark').first()).toHaveText(/roaming/i);
});

test('arrow keys move through the results and Enter opens the chosen case', async ({ page }) => {
  await openDesk(page);
  await search(page, STORY_VOUCHER_CASE_NUMBER);
  const option = searchResults(page).getByRole('option', { name: STORY_VOUCHER_CASE_NUMBER }).first();
  await expect(option).toBeVisible();
  // The first row is chosen as the results arrive; Down and Up move the choice and come back.
  await expect(searchResults(page).getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(searchResults(page).getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await expect(searchBox(page)).toHaveAttribute(
    'aria-activedescendant',
    (await searchResults(page).getByRole('option').first().getAttribute('id')) ?? '',
  );
  await page.keyboard.press('Enter');

  // The case opens over its customer's desk (the dialog hides the desk from assistive technology).
  const caseView = page.getByRole('dialog', { name: STORY_VOUCHER_CASE_NUMBER });
  await expect(caseView).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(caseView).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: SEED.name })).toBeVisible();
  await expect(brief(page)).toBeVisible();
});

test('a note found in search opens its case with the note marked', async ({ page }) => {
  await openDesk(page);
  await search(page, '缺货');
  await noteResults(page).filter({ hasText: '不是我们的问题' }).click();
  const caseView = page.getByRole('dialog', { name: STORY_VOUCHER_CASE_NUMBER });
  await expect(caseView.locator('.case-detail-note-found')).toContainText('不是我们的问题');
  await expect(caseView.locator('.case-detail-note-found')).toBeInViewport();
});

test('a customer is found by name, and a number typed in full still looks the caller up on Enter', async ({ page }) => {
  await openDesk(page);
  await search(page, SEED.name);
  const customer = searchResults(page)
    .getByRole('group', { name: '客户' })
    .getByRole('option', { name: new RegExp(SEED.name) });
  await expect(customer.locator('mark')).toHaveText([SEED.name]);
  await customer.click();
  await expect(page.getByRole('heading', { level: 1, name: SEED.name })).toBeVisible();

  await page.keyboard.press('Control+K');
  await page.keyboard.type(STORY_PHONE_TYPED);
  await expect(searchResults(page).getByRole('option').first()).toContainText('查找来电号码 138 0013 8000');
  await page.keyboard.press('Enter');
  await expect(page.locator('.customer-phone').first()).toHaveText(SEED.phone);
  await expect(searchResults(page)).toBeHidden();
});

test('search text in full-text or SQL syntax shows results or none, never an error', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openDesk(page);
  const attempts = [
    '"',
    '*',
    'NEAR',
    'OR',
    '"缺货',
    '缺货"',
    'a OR b',
    '缺货 NEAR/2 系统',
    'AND NOT',
    '(',
    '")',
    "'; DROP TABLE notes; --",
    '%_\\',
    '^缺货*',
    'title:缺货',
    '{}[]',
  ];
  for (const text of attempts) {
    await page.keyboard.press('Control+K');
    await page.keyboard.type(text);
    const status = page.locator('.search-status');
    await expect(status).toHaveText(/没有找到相关的客户、工单或备注|条结果/);
    await expect(page.locator('.search-status-error')).toHaveCount(0);
  }
  // The box still works afterwards.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('缺货');
  await expect(noteResults(page).first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('an over-long search is not sent, and the agent is told why', async ({ page }) => {
  await openDesk(page);
  await searchBox(page).fill('缺'.repeat(201));
  await expect(page.locator('.search-status')).toHaveText('搜索内容最多 200 个字，请缩短。');
});
