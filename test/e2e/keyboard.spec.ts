import { expect, test } from '@playwright/test';
import { noteBox, openDesk, openSeedCustomer, searchBox, timeline } from './support/desk';
import { STORY_REFUND_CASE_NUMBER } from '../fixtures/demo-ids';

test('? lists every shortcut in Chinese, and in English after switching; it does not fire while typing', async ({ page }) => {
  await openDesk(page);
  // In the search box a question mark is text, not a command.
  await page.keyboard.type('?');
  await expect(searchBox(page)).toHaveValue('?');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.locator('#desk').focus();
  await page.keyboard.press('?');
  let dialog = page.getByRole('dialog', { name: '快捷键' });
  await expect(dialog).toBeVisible();
  for (const line of [
    '搜索号码、客户、工单或备注',
    '跳到备注框',
    '保存备注',
    '新建工单',
    '置顶一条事实',
    '下一条记录',
    '上一条记录',
    '显示快捷键',
  ]) {
    await expect(dialog).toContainText(line);
  }
  await expect(dialog).toContainText('Ctrl');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('radiogroup', { name: '界面语言' }).getByRole('radio', { name: 'EN' }).click();
  await page.locator('#desk').focus();
  await page.keyboard.press('?');
  dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const line of [
    'Search numbers, customers, cases and notes',
    'Go to the note box',
    'Save the note',
    'New case',
    'Pin a fact',
    'Next history entry',
    'Show keyboard shortcuts',
  ]) {
    await expect(dialog).toContainText(line);
  }
  await expect(dialog).not.toContainText('快捷键');
  await page.keyboard.press('Escape');
  await page.getByRole('radiogroup', { name: 'Interface language' }).getByRole('radio', { name: '中文' }).click();
});

test('the keys move through the history, open a new case and come back to the note box', async ({ page }) => {
  await openDesk(page);
  await openSeedCustomer(page);
  await expect(noteBox(page)).toBeFocused();

  // J and K walk the history with a visible focus; typing in the note box is left alone.
  await page.keyboard.type('j');
  await expect(noteBox(page)).toHaveValue('j');
  await noteBox(page).fill('');
  await page.keyboard.press('Alt+ArrowDown');
  const first = timeline(page).locator('article').first();
  await expect(first).toBeFocused();
  await page.keyboard.press('j');
  await expect(timeline(page).locator('article[aria-posinset="2"]')).toBeFocused();
  await expect(timeline(page).locator('article[aria-posinset="2"]')).toHaveClass(/entry-current/);
  await page.keyboard.press('k');
  await expect(first).toBeFocused();

  await page.keyboard.press('Alt+C');
  const newCase = page.getByRole('dialog', { name: '新建工单' });
  await expect(newCase).toBeVisible();
  await expect(newCase.getByLabel('工单标题')).toBeFocused();
  await page.keyboard.press('Escape');

  await page.keyboard.press('Alt+O');
  await expect(page.getByRole('dialog', { name: STORY_REFUND_CASE_NUMBER })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.keyboard.press('Alt+N');
  await expect(noteBox(page)).toBeFocused();
});
