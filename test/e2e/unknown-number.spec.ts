import { expect, test } from '@playwright/test';
import { lookUp, noteBox, openDesk, rpc, searchBox, timeline } from './support/desk';
import { STORY_PHONE_TYPED } from '../fixtures/demo-ids';

test('a malformed number gets a clear message and no look-up result', async ({ page }) => {
  await openDesk(page);
  await lookUp(page, 'abc123');
  await expect(page.getByRole('alert').filter({ hasText: '请输入有效的手机号码，例如 138 0013 8000' })).toBeVisible();
  await expect(searchBox(page)).toHaveAttribute('aria-invalid', 'true');
});

test('an unknown valid number offers to create the customer, who then opens and can take a case and a note', async ({ page, request }) => {
  // 199 numbers are never in the demo set; the random tail keeps a re-run from meeting its own customer.
  const tail = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  const typed = `+86 199 ${tail.slice(0, 4)} ${tail.slice(4)}`;
  const shown = `+86 199 ${tail.slice(0, 4)} ${tail.slice(4)}`;
  const before = await rpc<{ customer: unknown }>(request, 'customers.lookup', { phone: typed });
  expect(before.customer).toBeNull();

  await openDesk(page);
  await lookUp(page, typed);
  await expect(page.getByRole('heading', { name: '未找到该号码的客户' })).toBeVisible();
  await expect(page.getByText(shown)).toBeVisible();
  await page.getByRole('button', { name: '新建客户' }).click();

  const dialog = page.getByRole('dialog', { name: '新建客户' });
  await expect(dialog.getByLabel('手机号码')).toHaveValue(shown);
  await expect(dialog.getByLabel('客户姓名')).toBeFocused();
  // Saving without a name is refused with a reason, and nothing is created.
  await dialog.getByRole('button', { name: '创建客户' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('客户姓名不能为空。');

  await dialog.getByLabel('客户姓名').fill('欧阳晓燕');
  await dialog.getByRole('radio', { name: '金卡' }).click();
  await dialog.getByRole('button', { name: '创建客户' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('heading', { level: 1, name: '欧阳晓燕' })).toBeVisible();
  await expect(page.locator('.customer-phone').first()).toHaveText(shown);
  await expect(page.locator('.tier')).toHaveText(/金卡/);
  await expect(page.getByText('该客户还没有工单。', { exact: true })).toBeVisible();
  await expect(noteBox(page)).toBeDisabled();

  // The new customer's first case, then the first note filed under it.
  await page.getByRole('button', { name: '新建工单' }).click();
  const caseDialog = page.getByRole('dialog', { name: '新建工单' });
  await caseDialog.getByLabel('工单标题').fill('咨询积分兑换券使用规则');
  await caseDialog.getByLabel('类别').selectOption({ label: '积分与兑换券' });
  await caseDialog.getByRole('button', { name: '创建工单' }).click();
  await expect(caseDialog).toBeHidden();
  await expect(page.getByRole('radio', { name: /咨询积分兑换券使用规则/, checked: true })).toBeVisible();
  await expect(timeline(page).locator('article[data-kind="case_opened"]')).toContainText('咨询积分兑换券使用规则');

  await noteBox(page).fill('首次来电，已说明兑换券须在有效期内到指定网点兑换。');
  await page.keyboard.press('Control+Enter');
  await expect(timeline(page).locator('article[data-kind="note"]')).toContainText('首次来电');

  // And the same number now finds the customer.
  await lookUp(page, `0086${'199'}${tail}`);
  await expect(page.getByRole('heading', { level: 1, name: '欧阳晓燕' })).toBeVisible();
});

test('creating a customer with a number that is already taken says so', async ({ page }) => {
  await openDesk(page);
  await lookUp(page, '+86 199 0000 0001');
  await page.getByRole('button', { name: '新建客户' }).click();
  const dialog = page.getByRole('dialog', { name: '新建客户' });
  await dialog.getByLabel('手机号码').fill(STORY_PHONE_TYPED);
  await dialog.getByLabel('客户姓名').fill('重复号码');
  await dialog.getByRole('button', { name: '创建客户' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('这个号码已经属于另一位客户。');
  await expect(dialog.getByLabel('手机号码')).toHaveAttribute('aria-invalid', 'true');
});
