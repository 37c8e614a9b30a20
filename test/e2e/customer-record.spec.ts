import { expect, test } from '@playwright/test';
import { lookUp, openDesk, rpcAt, SEED, timeline } from './support/desk';
import { type OwnServer, startOwnServer } from './support/own-server';

/** Its own server: these tests give the seed customer a number and make customers other tests do not expect. */
test.describe('keeping a customer’s record right', () => {
  let server: OwnServer;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await startOwnServer();
  });
  test.afterAll(async () => {
    await server.dispose();
  });

  test('a known customer calling from a new number is found by name and the number added, so the next call from it pops their story', async ({
    page,
  }) => {
    await openDesk(page, server.url);
    await lookUp(page, '139 1234 5678');
    await expect(page.getByText('未找到该号码的客户')).toBeVisible();
    await page.getByRole('button', { name: '是已有客户的新号码' }).click();

    const dialog = page.getByRole('dialog', { name: '把号码添加到已有客户' });
    await expect(dialog).toContainText('139 1234 5678');
    // Nobody chosen yet: the agent is told so, and nothing is written.
    await dialog.getByRole('button', { name: '添加到该客户' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('请先选择一位客户。');

    await dialog.getByLabel('按姓名或原号码查找客户').fill('志明');
    const choice = dialog.getByRole('radio', { name: new RegExp(SEED.name) });
    await choice.click();
    await expect(choice).toHaveAttribute('data-state', 'checked');
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/attach-phone.png' });
    await dialog.getByLabel(/号码备注/).fill('家人');
    await dialog.getByRole('button', { name: '添加到该客户' }).click();
    await expect(dialog).toBeHidden();

    await expect(page.getByRole('heading', { level: 1, name: SEED.name })).toBeVisible();
    await expect(timeline(page).locator('article').first()).toBeVisible();

    // The next call from that number finds them straight away.
    await lookUp(page, '13912345678');
    await expect(page.getByRole('heading', { level: 1, name: SEED.name })).toBeVisible();
    await expect(page.locator('.customer-phone').first()).toHaveText('+86 139 1234 5678');
    await expect(page.locator('.customer-phone-other')).toHaveText(SEED.phone);
  });

  test('the agent corrects the name and tier, manages the numbers, and is told plainly when something is wrong', async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    await rpcAt(request, server.url, 'customers.create', { name: '周一鸣', phone: '13900001111' });
    const mine = await rpcAt<{ id: string }>(request, server.url, 'customers.create', {
      name: '林晓雯',
      phone: '13600006666',
      tier: 'silver',
    });
    await openDesk(page, server.url);
    await lookUp(page, '136 0000 6666');
    await expect(page.getByRole('heading', { level: 1, name: '林晓雯' })).toBeVisible();
    await page.getByRole('button', { name: '编辑客户资料' }).click();
    const dialog = page.getByRole('dialog', { name: '客户资料' });

    // Numbers: a landline typed with full-width digits, then refused ones, then removed again.
    await dialog.getByLabel('新号码').fill('０１０－６５５２ ９９８８');
    await dialog.getByLabel('备注（可不填）').fill('家里座机');
    await dialog.getByRole('button', { name: '添加号码' }).click();
    const landline = dialog.locator('.record-phone[data-phone="+861065529988"]');
    await expect(landline).toContainText('家里座机');
    await expect(page.locator('.customer-phone-other', { hasText: '6552' })).toBeVisible();
    await page.screenshot({ path: 'test-results/customer-record.png' });

    await dialog.getByLabel('新号码').fill('12345');
    await dialog.getByRole('button', { name: '添加号码' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('请输入有效的手机号码，例如 138 0013 8000');
    await dialog.getByLabel('新号码').fill('139 0000 1111');
    await dialog.getByRole('button', { name: '添加号码' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('这个号码已经属于另一位客户。');

    await landline.getByRole('button', { name: /移除号码/ }).click();
    await expect(landline).toHaveCount(0);
    // The one number left cannot be removed: no call would find the customer.
    const last = dialog.locator('.record-phone');
    await expect(last).toHaveCount(1);
    await expect(last.getByRole('button', { name: /移除号码/ })).toBeDisabled();

    // Name and tier, saved together.
    await dialog.getByLabel('客户姓名').fill('林晓文');
    await dialog.getByRole('radio', { name: '金卡' }).click();
    await dialog.getByRole('button', { name: '保存资料' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: '林晓文' })).toBeVisible();
    await expect(page.locator('.customer-header .tier')).toHaveText('金卡');

    // Someone else changes the record while the agent is typing: a conflict, never an overwrite.
    await page.getByRole('button', { name: '编辑客户资料' }).click();
    await dialog.getByLabel('客户姓名').fill('林晓雯');
    const current = await rpcAt<{ version: number }>(request, server.url, 'customers.get', { id: mine.id });
    await rpcAt(request, server.url, 'customers.update', { id: mine.id, version: current.version, tier: 'platinum' });
    await dialog.getByRole('button', { name: '保存资料' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('这条记录刚被其他人修改过，请核对最新内容后再保存。');
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '林晓文' })).toBeVisible();
    await expect(page.locator('.customer-header .tier')).toHaveText('白金');
  });
});
