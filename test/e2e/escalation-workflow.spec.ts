import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, STORY_VOUCHER_CASE_NUMBER } from '../fixtures/demo-ids';
import { offer, openOffers, openSeedCustomer, VOUCHER_CASE } from './support/desk';
import { type OwnServer, startOwnServer } from './support/own-server';

/** A server as in production: every browser signs in as its own person. */
let server: OwnServer;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startOwnServer({ agent: null });
});
test.afterAll(async () => {
  await server.dispose();
});

async function signedIn(browser: Browser, employeeNo: string): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByLabel('工号').fill(employeeNo);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText(new RegExp(`工号 ${employeeNo}`))).toBeVisible();
  return page;
}

/** The queue's row for the seed customer's voucher request, opened; returns the opened detail. */
async function openRequestInQueue(page: Page): Promise<Locator> {
  await page
    .getByRole('navigation', { name: /页面|Pages/ })
    .getByRole('link', { name: /升级队列/ })
    .click();
  const row = page
    .locator('.queue-table tbody tr')
    .filter({ hasText: STORY_VOUCHER_CASE_NUMBER })
    .filter({ hasText: '申请：折算为话费 50 元' });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: `查看 ${STORY_VOUCHER_CASE_NUMBER}` }).click();
  return page.locator('.queue-detail');
}

test('the agent asks; the supervisor accepts and sends it to level 3; the complaint centre denies with a reason; the agent sees each step live', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  // The agent asks a supervisor for the bill credit.
  const agent = await signedIn(browser, '20001');
  await openSeedCustomer(agent);
  const panel = await openOffers(agent);
  const conversion = offer(panel, 'conversion');
  await conversion.getByRole('button', { name: '请班长审批' }).click();
  await conversion.getByLabel('申请理由').fill('客户要求把50元兑换券折算为话费');
  await conversion.getByRole('button', { name: '提交审批' }).click();
  await expect(conversion).toContainText('已提交审批（50 元），等待班长处理。');
  await agent.keyboard.press('Escape');
  // The agent keeps the case's promises open: the request's state is shown there, live.
  await agent.keyboard.press('Alt+O');
  const caseView = agent.getByRole('dialog', { name: new RegExp(VOUCHER_CASE) });
  await caseView.getByRole('tab', { name: /承诺/ }).click();
  const request = caseView.locator('.escalation-item', { hasText: '申请：折算为话费 50 元' });
  await expect(request).toHaveAttribute('data-status', 'open');
  await expect(request).toContainText('待处理');

  // The supervisor accepts it from the queue, then sends it to the complaint centre, with why.
  const supervisor = await signedIn(browser, '30001');
  let detail = await openRequestInQueue(supervisor);
  await detail.getByRole('button', { name: '受理', exact: true }).click();
  await expect(detail).toHaveAttribute('data-status', 'accepted');
  await expect(detail).toContainText('负责人：周婷（工号 30001）');
  await expect(request).toHaveAttribute('data-status', 'accepted');
  await expect(request).toContainText('已受理');

  // Sending up without a reason is refused inline, in words.
  await detail.getByRole('button', { name: '上送投诉中心（三级）' }).click();
  await expect(detail.getByRole('alert')).toHaveText('请写明原因，发起人会看到。');
  await detail.getByLabel('说明（退回、上送、驳回时必填）').fill('客户表示要向工信部申诉');
  await detail.getByRole('button', { name: '上送投诉中心（三级）' }).click();
  await expect(detail).toHaveAttribute('data-status', 'escalated');
  await expect(detail.locator('.queue-detail-head .level')).toHaveText('L3');
  await expect(request).toHaveAttribute('data-status', 'escalated');
  await expect(request).toContainText('已上送');
  // On the complaint centre's level now, the case is on the regulator's 15 days, in the queue too.
  const row = supervisor
    .locator('.queue-table tbody tr')
    .filter({ hasText: STORY_VOUCHER_CASE_NUMBER })
    .filter({ hasText: '申请：折算为话费 50 元' });
  await expect(row.locator('.regulator-clock')).toContainText(/剩 \d+ 天|已超时 \d+ 天/);

  // The complaint centre (40001) accepts it and denies it; a denial without a reason is refused inline.
  const centre = await signedIn(browser, '40001');
  detail = await openRequestInQueue(centre);
  await detail.getByRole('button', { name: '受理', exact: true }).click();
  await expect(detail).toHaveAttribute('data-status', 'accepted');
  await detail.getByRole('button', { name: '驳回' }).click();
  await expect(detail.locator('.decide').getByRole('alert')).toHaveText('请写明原因，发起人会看到。');
  await detail.getByPlaceholder('审批备注（驳回时必填）').fill('券面值已按规则退回积分，不予折算');
  await detail.getByRole('button', { name: '驳回' }).click();
  await expect(centre.locator('.queue-table tbody tr').filter({ hasText: '申请：折算为话费 50 元' })).toHaveCount(0);

  // The agent's view shows the denial and its reason without a reload.
  await expect(request).toHaveAttribute('data-status', 'denied');
  await expect(request).toContainText('已驳回');
  await expect(request).toContainText('券面值已按规则退回积分，不予折算');
  await expect(request).toContainText('黄蕾');
});
