import { expect, type Page, test } from '@playwright/test';
import { noteBox, openDesk, openSeedCustomer } from './support/desk';
import { startOwnServer } from './support/own-server';
import { STORY_VOUCHER_CASE_NUMBER } from '../fixtures/demo-ids';

/** The autosave has reached the host: the status under the box says so. */
async function draftSaved(page: Page): Promise<void> {
  await expect(page.locator('[data-draft-status="saved"]')).toHaveText(/草稿已保存 \d{2}:\d{2}:\d{2}/);
}

/** Empties the box and waits until the host has dropped the draft, so later tests meet a clean desk. */
async function clearDraft(page: Page): Promise<void> {
  await noteBox(page).fill('');
  await noteBox(page).blur();
  await expect(page.locator('[data-draft-status="idle"]')).toBeAttached();
  await expect(page.locator('.case-draft')).toHaveCount(0);
}

test('a draft is saved by the host as the agent pauses, and comes back after a reload', async ({ page }) => {
  const draft = `草稿：客户要求书面确认延期日期（${Date.now()}）`;
  await openDesk(page);
  await openSeedCustomer(page);
  await noteBox(page).pressSequentially(draft);
  await draftSaved(page);
  await expect(page.getByRole('radio', { checked: true }).locator('.case-draft')).toHaveText('草稿');

  await page.reload();
  await openSeedCustomer(page);
  await expect(noteBox(page)).toHaveValue(draft);
  await expect(page.getByText('已恢复未保存的草稿')).toBeVisible();
  await clearDraft(page);
});

test('a draft on another case brings the note box back to that case', async ({ page }) => {
  const draft = `草稿：兑换券延期到哪天以短信为准（${Date.now()}）`;
  await openDesk(page);
  await openSeedCustomer(page);
  await page.getByRole('radio', { name: STORY_VOUCHER_CASE_NUMBER }).click();
  await expect(page.locator('.note-target')).toContainText(STORY_VOUCHER_CASE_NUMBER);
  await noteBox(page).fill(draft);
  // Leaving the box saves at once, without waiting for the pause.
  await noteBox(page).blur();
  await draftSaved(page);

  await page.reload();
  await openSeedCustomer(page);
  await expect(page.locator('.note-target')).toContainText(STORY_VOUCHER_CASE_NUMBER);
  await expect(noteBox(page)).toHaveValue(draft);
  await clearDraft(page);
});

test('a note over 20,000 characters is refused with a message, and the draft keeps every word', async ({ page }) => {
  const long = `${'客户多次来电反映兑换问题。'.repeat(1600)}结尾${Date.now()}`;
  expect(long.length).toBeGreaterThan(20_000);
  await openDesk(page);
  await openSeedCustomer(page);
  await noteBox(page).fill(long);
  await expect(page.getByRole('alert').filter({ hasText: '备注超过 20000 字' })).toContainText(`现在 ${long.length} 字`);
  await draftSaved(page);
  await expect(page.getByRole('alert').filter({ hasText: '备注超过 20000 字' })).toContainText('草稿已完整保存');
  await page.keyboard.press('Control+Enter');
  await expect(noteBox(page)).toHaveValue(long);

  await page.reload();
  await openSeedCustomer(page);
  await expect(noteBox(page)).toHaveValue(long);
  await clearDraft(page);
});

test('a draft survives the server being killed and started again', async ({ page }) => {
  test.setTimeout(240_000);
  const server = await startOwnServer();
  try {
    const draft = `断电前写下的草稿：客户同意等待48小时回电（${Date.now()}）`;
    await openDesk(page, server.url);
    await openSeedCustomer(page);
    await noteBox(page).pressSequentially(draft);
    await draftSaved(page);

    await server.kill();
    await server.restart();

    await page.reload();
    await openSeedCustomer(page);
    await expect(noteBox(page)).toHaveValue(draft);
    await expect(page.getByText('已恢复未保存的草稿')).toBeVisible();
  } finally {
    await server.dispose();
  }
});
