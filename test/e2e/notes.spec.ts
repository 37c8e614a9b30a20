import { expect, test } from '@playwright/test';
import { noteBox, openDesk, openSeedCustomer, timeline } from './support/desk';
import { STORY_REFUND_CASE_NUMBER, STORY_VOUCHER_CASE_NUMBER } from '../fixtures/demo-ids';

test('a Chinese note is saved to the selected case, shows at once, and is still there after a reload', async ({ page }) => {
  const body = `客户已收到书面确认短信，同意等待回电。（${Date.now()}）`;
  await openDesk(page);
  await openSeedCustomer(page);

  // Screen pop leaves the agent in the note box.
  await expect(noteBox(page)).toBeFocused();
  await page.keyboard.type(body);
  await page.keyboard.press('Control+Enter');

  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await expect(noteBox(page)).toHaveValue('');
  const first = timeline(page).locator('article').first();
  await expect(first).toContainText(body);
  await expect(first).toContainText('林晓 · 工号 20001');
  await expect(first).toContainText(STORY_REFUND_CASE_NUMBER);

  await page.reload();
  await openSeedCustomer(page);
  await expect(noteBox(page)).toHaveValue('');
  await expect(timeline(page).locator('article').first()).toContainText(body);
});

test('the agent can file the note under another case by choosing it', async ({ page }) => {
  const body = `已向客户说明兑换券延期以书面短信为准。（${Date.now()}）`;
  await openDesk(page);
  await openSeedCustomer(page);
  await page.getByRole('radio', { name: STORY_VOUCHER_CASE_NUMBER }).click();
  await expect(page.locator('.note-target')).toContainText(STORY_VOUCHER_CASE_NUMBER);
  await noteBox(page).fill(body);
  // The agent had scrolled back through the history; their new note still comes into view.
  await timeline(page).evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await page.getByRole('button', { name: /保存备注/ }).click();
  const saved = timeline(page).locator('article', { hasText: body });
  await expect(saved).toContainText(STORY_VOUCHER_CASE_NUMBER);
  await expect(saved).toBeInViewport();
});

test('markup in a note is shown as the characters typed and never runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const markup = '<img src=x onerror=alert(1)> <script>alert(2)</script> <b>粗体</b>';
  await openDesk(page);
  await openSeedCustomer(page);
  await noteBox(page).fill(markup);
  await page.keyboard.press('Control+Enter');

  const saved = timeline(page).locator('article').first();
  await expect(saved.locator('.entry-text')).toHaveText(markup);
  await expect(timeline(page).locator('img, script, b')).toHaveCount(0);

  await page.reload();
  await openSeedCustomer(page);
  await expect(timeline(page).locator('article').first().locator('.entry-text')).toHaveText(markup);
  await expect(timeline(page).locator('img, script, b')).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
});

test('an empty note is not sent, and the agent is told why', async ({ page }) => {
  await openDesk(page);
  await openSeedCustomer(page);
  await noteBox(page).fill('   ');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert').filter({ hasText: '请先填写备注内容' })).toBeVisible();
});

test('the agent can log this call itself, with the note as its text', async ({ page }) => {
  const body = `客户来电询问退款进度，已告知将在3个工作日内回电。（${Date.now()}）`;
  await openDesk(page);
  await openSeedCustomer(page);
  await page.getByRole('radiogroup', { name: '记录为' }).getByRole('radio', { name: '来电' }).click();
  await noteBox(page).fill(body);
  await page.keyboard.press('Control+Enter');

  const logged = timeline(page).locator('article[data-kind="contact"]', { hasText: body });
  await expect(logged).toContainText('电话 · 呼入');
  await expect(logged).toContainText('林晓 · 工号 20001');
  await expect(logged).toContainText(STORY_REFUND_CASE_NUMBER);
  // The next entry is a plain note again unless the agent says otherwise.
  await expect(page.getByRole('radiogroup', { name: '记录为' }).getByRole('radio', { name: '备注' })).toBeChecked();
});

test('a save that fails keeps the text, says why, and a retry files the note exactly once', async ({ page }) => {
  const body = `网络中断时写下的备注。（${Date.now()}）`;
  const mutationIds: string[] = [];
  let dropNextAnswer = true;
  await page.route('**/api/rpc/notes.add', async (route) => {
    mutationIds.push((JSON.parse(route.request().postData() ?? '{}') as { mutationId: string }).mutationId);
    if (dropNextAnswer) {
      dropNextAnswer = false;
      // The write reaches the host, but the answer is lost on the way back.
      await route.fetch();
      await route.abort('connectionreset');
      return;
    }
    await route.continue();
  });

  await openDesk(page);
  await openSeedCustomer(page);
  await noteBox(page).fill(body);
  await page.keyboard.press('Control+Enter');

  await expect(page.getByRole('alert').filter({ hasText: '保存失败：暂时连不上服务器' })).toContainText('备注内容已保留');
  await expect(noteBox(page)).toHaveValue(body);

  await noteBox(page).focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await expect(noteBox(page)).toHaveValue('');

  expect(mutationIds).toHaveLength(2);
  expect(mutationIds[1]).toBe(mutationIds[0]);
  await page.waitForTimeout(500);
  await expect(timeline(page).locator('article', { hasText: body })).toHaveCount(1);
  await page.reload();
  await openSeedCustomer(page);
  await expect(timeline(page).locator('article', { hasText: body })).toHaveCount(1);
});

test('an unsaved draft survives a reload, and saving the note takes the draft away with it', async ({ page }) => {
  const draft = `草稿：客户要求书面确认延期日期（${Date.now()}）`;
  await openDesk(page);
  await openSeedCustomer(page);
  await noteBox(page).fill(draft);
  // The host keeps the draft once the agent pauses (see drafts.spec.ts for crashes and restarts).
  await expect(page.getByText(/草稿已保存/)).toBeVisible();
  await page.reload();
  await openSeedCustomer(page);
  await expect(noteBox(page)).toHaveValue(draft);
  await expect(page.getByText('已恢复未保存的草稿')).toBeVisible();

  await noteBox(page).focus();
  await page.keyboard.press('Control+Enter');
  await expect(timeline(page).locator('article').first()).toContainText(draft);
  await page.reload();
  await openSeedCustomer(page);
  await expect(noteBox(page)).toHaveValue('');
  await expect(page.locator('.case-draft')).toHaveCount(0);
});
