import { expect, type Page, test } from '@playwright/test';
import { brief, openDesk, openSeedCustomer } from './support/desk';
import { type OwnServer, startOwnServer } from './support/own-server';
import { STORY_CONDUCT_CASE_NUMBER } from '../fixtures/demo-ids';

/** "2026-11-26T09:30" in the desk's time zone, hours from now. */
function localInput(hoursFromNow: number): string {
  const date = new Date(Date.now() + hoursFromNow * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  // The browser runs in Asia/Shanghai (see playwright.config.ts): UTC+8 all year.
  const shanghai = new Date(date.getTime() + 8 * 3_600_000);
  return `${shanghai.getUTCFullYear()}-${pad(shanghai.getUTCMonth() + 1)}-${pad(shanghai.getUTCDate())}T${pad(shanghai.getUTCHours())}:${pad(shanghai.getUTCMinutes())}`;
}

async function openIncidents(page: Page) {
  await page.keyboard.press('Alt+I');
  const dialog = page.getByRole('dialog', { name: '已知故障' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('as the supervisor', () => {
  let server: OwnServer;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await startOwnServer({ agent: '30001' });
  });
  test.afterAll(async () => {
    await server.dispose();
  });

  test('an incident that ends before it starts is refused with a message; a valid one shows on affected cases and can be ended', async ({
    page,
  }) => {
    const title = `营业厅服务系统故障（${Date.now()}）`;
    await openDesk(page, server.url);
    await expect(page.getByText('周婷 · 工号 30001')).toBeVisible();
    await openSeedCustomer(page);
    await expect(brief(page).locator('.incident-banner')).toHaveCount(1);

    let dialog = await openIncidents(page);
    await dialog.getByRole('button', { name: '登记故障' }).click();
    dialog = page.getByRole('dialog', { name: '登记故障' });
    await dialog.getByLabel('故障标题').fill(title);
    await dialog.getByLabel('情况说明').fill('营业厅业务系统无法查询投诉处理进度。');
    await dialog.getByRole('checkbox', { name: '服务态度投诉' }).click();
    await dialog.getByLabel('开始时间').fill(localInput(-1));
    await dialog.getByLabel('结束时间（可不填）').fill(localInput(-2));
    await dialog.getByLabel('统一口径').fill('向客户说明投诉已登记，由班长在24小时内回电，并以短信书面确认。');
    await dialog.getByRole('button', { name: '登记', exact: true }).click();
    await expect(dialog.getByRole('alert')).toHaveText('结束时间必须晚于开始时间。');
    await expect(dialog.getByLabel('结束时间（可不填）')).toHaveAttribute('aria-invalid', 'true');

    // Empty required fields are named too.
    await dialog.getByLabel('统一口径').fill('');
    await dialog.getByLabel('结束时间（可不填）').fill(localInput(24));
    await dialog.getByRole('button', { name: '登记', exact: true }).click();
    await expect(dialog.getByRole('alert')).toHaveText('统一口径不能为空。');

    await dialog.getByLabel('统一口径').fill('向客户说明投诉已登记，由班长在24小时内回电，并以短信书面确认。');
    await dialog.getByRole('button', { name: '登记', exact: true }).click();
    dialog = page.getByRole('dialog', { name: '已知故障' });
    const item = dialog.locator('.incident-item', { hasText: title });
    await expect(item).toContainText('进行中');
    await expect(item).toContainText('服务态度投诉');
    await page.keyboard.press('Escape');

    // The conduct complaint of the seed customer is open: its brief shows the new banner at once.
    const banner = brief(page).getByRole('region', { name: new RegExp(title.replace(/[()（）]/g, '.')) });
    await expect(banner).toContainText(STORY_CONDUCT_CASE_NUMBER);
    await expect(banner).toContainText('由班长在24小时内回电');
    await expect(brief(page).locator(`[data-case-number="${STORY_CONDUCT_CASE_NUMBER}"]`)).toContainText('受故障影响');

    // Ending it takes the banner away.
    dialog = await openIncidents(page);
    await dialog.locator('.incident-item', { hasText: title }).getByRole('button', { name: '结束故障' }).click();
    await dialog.locator('.incident-item', { hasText: title }).getByRole('button', { name: '现在结束' }).click();
    await expect(dialog.locator('.incident-item', { hasText: title })).toContainText('已结束');
    await page.keyboard.press('Escape');
    await expect(banner).toHaveCount(0);
    await expect(brief(page).locator('.incident-banner')).toHaveCount(1);
  });
});

test('an agent reads the incidents but cannot record or end one', async ({ page }) => {
  await openDesk(page);
  const dialog = await openIncidents(page);
  await expect(dialog).toContainText('积分商城兑换系统升级维护');
  await expect(dialog).toContainText('只有班长和管理员可以登记或结束故障');
  await expect(dialog.getByRole('button', { name: '登记故障' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: '结束故障' })).toHaveCount(0);
});
