import { expect, test } from '@playwright/test';
import { openDesk, openOffers, offer, openSeedCustomer, VOUCHER_CASE } from './support/desk';
import { type OwnServer, startOwnServer } from './support/own-server';

const SUPERVISOR = '30001';

test.describe('an offer beyond the agent’s authority', () => {
  let server: OwnServer;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await startOwnServer();
  });
  test.afterAll(async () => {
    await server.dispose();
  });

  test('the agent asks, the supervisor approves, the agent promises it; kept, the customer is told again', async ({ page }) => {
    test.setTimeout(180_000);
    await openDesk(page, server.url);
    await openSeedCustomer(page);

    // The agent asks a supervisor for the bill credit, with the amount and why.
    let panel = await openOffers(page);
    const conversion = offer(panel, 'conversion');
    await conversion.getByRole('button', { name: '请班长审批' }).click();
    await expect(conversion.getByLabel('申请金额（元）')).toHaveValue('50');
    await conversion.getByLabel('申请理由').fill('兑换受积分商城故障影响，客户要求把50元兑换券折算为话费');
    await conversion.getByRole('button', { name: '提交审批' }).click();
    await expect(conversion).toContainText('已提交审批（50 元），等待班长处理。');
    await expect(conversion.getByRole('button', { name: '请班长审批' })).toHaveCount(0);
    await page.keyboard.press('Escape');

    // The request is on the case for everyone to see.
    await page.keyboard.press('Alt+O');
    let caseView = page.getByRole('dialog', { name: new RegExp(VOUCHER_CASE) });
    await caseView.getByRole('tab', { name: /承诺/ }).click();
    const request = caseView.locator('.escalation-item', { hasText: '申请：折算为话费 50 元' });
    await expect(request).toContainText('待处理');
    await expect(request).toContainText('林晓 · 工号 20001');
    await expect(request.getByRole('button', { name: '批准' })).toHaveCount(0);
    await page.keyboard.press('Escape');

    // The supervisor (the same database, served as 周婷) approves it from the top bar.
    await server.kill();
    await server.restart({ agent: SUPERVISOR });
    await openDesk(page, server.url);
    await expect(page.getByText('周婷 · 工号 30001')).toBeVisible();
    const approvals = page.getByRole('button', { name: /待审批的申请 1 个/ });
    await expect(approvals).toBeVisible();
    await approvals.click();
    const dialog = page.getByRole('dialog', { name: '待审批' });
    const item = dialog.locator('.escalation-item', { hasText: '申请：折算为话费 50 元' });
    await expect(item).toContainText('兑换受积分商城故障影响');
    // Before deciding, the supervisor sees what policy allows now, as they would approve it.
    await expect(item.locator('.decide-policy')).toContainText('现行政策：上限 50 元，你可批准 200 元');
    await item.getByPlaceholder('审批备注（驳回时必填）').fill('因我方故障，同意折算');
    await item.getByRole('button', { name: '批准' }).click();
    await expect(dialog).toContainText('目前没有待审批的申请。');
    await page.keyboard.press('Escape');

    // Back at the agent's desk: the approval shows on the offer, and the promise goes through.
    await server.kill();
    await server.restart({ agent: undefined });
    await openDesk(page, server.url);
    await openSeedCustomer(page);
    panel = await openOffers(page);
    await expect(offer(panel, 'conversion')).toContainText('班长 周婷 已批准 50 元。');
    await expect(offer(panel, 'conversion')).toContainText('“因我方故障，同意折算”');
    await offer(panel, 'conversion').getByRole('button', { name: '按批准承诺' }).click();
    const form = page.getByRole('dialog', { name: '做出承诺' });
    await expect(form.getByLabel('承诺类型')).toHaveValue('conversion');
    await expect(form.getByLabel('金额（元）')).toHaveValue('50');
    await form.getByRole('button', { name: '记录承诺并生成短信' }).click();
    await expect(form.locator('.message-body')).toContainText('将您的积分兑换券按面值折算为50元话费');
    await form.getByRole('button', { name: '完成' }).click();

    // Kept: marked with how, and a second confirmation is written.
    await page.keyboard.press('Alt+O');
    caseView = page.getByRole('dialog', { name: new RegExp(VOUCHER_CASE) });
    await caseView.getByRole('tab', { name: /承诺/ }).click();
    const promise = caseView.locator('.case-commitment', { hasText: '折算为50元话费' });
    await expect(promise).toContainText('进行中');
    await expect(promise).toContainText('50 元');
    await promise.getByRole('button', { name: '已兑现' }).click();
    await promise.getByLabel('兑现说明').fill('已为客户充值50元话费，客户确认到账');
    await promise.getByRole('button', { name: '确认已兑现并短信告知' }).click();
    await expect(promise).toContainText('已兑现');
    await expect(promise).toContainText('兑现说明：已为客户充值50元话费，客户确认到账');
    await expect(promise.locator('.message')).toHaveCount(2);
    await expect(promise.locator('.message', { hasText: '兑现通知' }).locator('.message-body')).toContainText('已兑现');
    await expect(caseView.locator('.escalation-item', { hasText: '申请：折算为话费 50 元' })).toContainText('已使用');
  });
});
