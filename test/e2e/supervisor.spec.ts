import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { STORY_VOUCHER_CASE_ID, STORY_VOUCHER_CASE_NUMBER } from '../fixtures/demo-ids';
import { openDesk, openSeedCustomer, rpcAt, timeline } from './support/desk';
import { type OwnServer, startOwnServer } from './support/own-server';

const SUPERVISOR = '30001';
const AGENT_23338 = '23338';

/** The console breaks the page's CSP nowhere (ECharts included): no violation is reported, no script error thrown. */
function watchForCspAndErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy|unsafe-eval/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  return problems;
}

async function go(page: Page, name: RegExp): Promise<void> {
  await page
    .getByRole('navigation', { name: /页面|Pages/ })
    .getByRole('link', { name })
    .click();
}

test.describe('the supervisors’ console', () => {
  let server: OwnServer;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await startOwnServer();
  });
  test.afterAll(async () => {
    await server.dispose();
  });

  test('queue, decide from it, a QA review, the dashboard with table, CSV and the cases behind a bar', async ({ page, request }) => {
    test.setTimeout(300_000);
    // The agent at the desk (20001) asks a supervisor for a bill credit, with a fact the record lacks.
    await rpcAt(request, server.url, 'escalations.request', {
      caseId: STORY_VOUCHER_CASE_ID,
      offer: 'conversion',
      amount: 50,
      reason: '客户要求把50元兑换券折算为话费',
    });
    // Another customer's case, with facts the record does not hold: the queue shows them as supplied.
    const other = await rpcAt<{ id: string }>(request, server.url, 'customers.create', { name: '赵敏', phone: '19900990001' });
    const otherCase = await rpcAt<{ id: string; number: string }>(request, server.url, 'cases.create', {
      customerId: other.id,
      title: '积分兑换券无法兑换',
      category: 'points_voucher',
    });
    await rpcAt(request, server.url, 'escalations.request', {
      caseId: otherCase.id,
      offer: 'conversion',
      amount: 50,
      reason: '客户称兑换券面值50元',
      supplied: { voucherValue: 50 },
    });

    await server.kill();
    await server.restart({ agent: SUPERVISOR });
    const problems = watchForCspAndErrors(page);
    await openDesk(page, server.url);
    await expect(page.getByText('周婷 · 工号 30001')).toBeVisible();

    // The queue, as its own route.
    await go(page, /升级队列/);
    await expect(page).toHaveURL(/#\/queue$/);
    await expect(page.getByRole('heading', { level: 1, name: '升级队列' })).toBeVisible();
    const rows = page.locator('.queue-table tbody tr');
    const asked = rows.filter({ hasText: '申请：折算为话费 50 元' }).filter({ hasText: STORY_VOUCHER_CASE_NUMBER });
    await expect(asked).toHaveCount(1);
    await expect(asked).toContainText(STORY_VOUCHER_CASE_NUMBER);
    await expect(asked).toContainText('何志明');
    const supplied = rows.filter({ hasText: otherCase.number });
    await expect(supplied).toContainText('赵敏');
    await expect(supplied).toContainText(/50/);
    await expect(supplied.locator('td').last()).not.toHaveText('—'); // supplied, not recorded
    await expect(asked).toContainText(/剩 .+|已超时 .+/);
    const before = await rows.count();

    // Filter by who raised it: only 林晓's request is left; back to all, everything is back.
    await page.getByLabel('发起人').selectOption({ label: '林晓 · 工号 20001' });
    await expect(rows.filter({ hasNotText: '林晓 · 工号 20001' })).toHaveCount(0);
    await expect(rows.filter({ hasText: '申请：折算为话费 50 元' })).toHaveCount(2);
    await page.getByLabel('发起人').selectOption({ label: '全部' });
    await expect(rows).toHaveCount(before);
    // By reason: only requests beyond the agent's authority.
    await page.getByLabel('原因').selectOption({ label: '金额超出坐席权限' });
    await expect(rows.filter({ hasNotText: '金额超出坐席权限' })).toHaveCount(0);
    await expect(rows.filter({ hasText: '申请：折算为话费 50 元' })).toHaveCount(2);
    await page.getByLabel('原因').selectOption({ label: '全部' });
    await page.getByLabel('发起人').selectOption({ label: '全部' });
    await expect(rows).toHaveCount(before);
    // Filter by a level the request is not at: it is gone.
    const levels = await page.getByLabel('级别').locator('option').allTextContents();
    const otherLevel = levels.find((l) => l !== '全部' && l !== '2 级');
    if (otherLevel) {
      await page.getByLabel('级别').selectOption({ label: otherLevel });
      await expect(asked).toHaveCount(0);
      await page.getByLabel('级别').selectOption({ label: '全部' });
    }

    // Live: a request raised elsewhere now appears without a reload.
    await expect(page.locator('.connection-open')).toBeVisible();
    const third = await rpcAt<{ id: string; number: string }>(request, server.url, 'cases.create', {
      customerId: other.id,
      title: '兑换券过期',
      category: 'points_voucher',
    });
    await rpcAt(request, server.url, 'escalations.request', {
      caseId: third.id,
      offer: 'conversion',
      amount: 50,
      reason: '客户称兑换券已过期',
      supplied: { voucherValue: 50 },
    });
    await expect(rows.filter({ hasText: third.number })).toHaveCount(1);

    // Open the row: the customer's brief and the decision; approve it from here.
    await asked.getByRole('button', { name: new RegExp(STORY_VOUCHER_CASE_NUMBER) }).click();
    const detail = page.locator('.queue-detail');
    await expect(detail.locator('[data-region="customer-brief"]')).toBeVisible();
    await expect(detail.locator('[data-region="customer-brief"]')).toContainText(STORY_VOUCHER_CASE_NUMBER);
    await page.screenshot({ path: 'test-results/queue.png' });
    await detail.getByPlaceholder('审批备注（驳回时必填）').fill('因我方故障，同意折算');
    await detail.getByRole('button', { name: '批准' }).click();
    await expect(detail).toHaveCount(0);
    await expect(asked).toHaveCount(0);

    // A QA review of the seed customer's contact by agent 23338.
    await go(page, /工作台/);
    await openSeedCustomer(page);
    const contact = timeline(page)
      .locator('article', { hasText: `工号 ${AGENT_23338}` })
      .first();
    await contact.scrollIntoViewIfNeeded();
    await contact.getByRole('button', { name: '质检' }).click();
    const form = page.getByRole('dialog', { name: '质检评分' });
    await expect(form).toBeVisible();
    // Unscored, the host says so in words.
    await form.getByRole('button', { name: '保存质检' }).click();
    await expect(form.getByRole('alert')).toContainText('分数须在 1 到 5 之间');
    const scores = { 礼貌: '1 分', 准确: '2 分', 担当: '2 分', 守诺: '3 分' } as const;
    for (const [item, score] of Object.entries(scores)) {
      await form.getByLabel(`${item}得分`).selectOption({ label: score });
      await form.getByLabel(`${item}评语`).fill(`${item}：需改进`);
    }
    await form.getByLabel('总评').fill('把问题归咎于客户，违反服务规范');
    await form.getByRole('button', { name: '保存质检' }).click();
    await expect(form.getByRole('status')).toContainText('质检已保存：平均 2.0 分。');
    await page.keyboard.press('Escape');
    await expect(contact.getByRole('button', { name: /质检 · 平均 2.0 分/ })).toBeVisible();
    // The same contact again: refused, in words.
    await contact.getByRole('button', { name: /质检/ }).click();
    for (const [item, score] of Object.entries(scores)) {
      await form.getByLabel(`${item}得分`).selectOption({ label: score });
      await form.getByLabel(`${item}评语`).fill('同上');
    }
    await form.getByLabel('总评').fill('再评一次');
    await form.getByRole('button', { name: '保存质检' }).click();
    await expect(form.getByRole('alert')).toContainText('你已经质检过这次通话。');
    await page.keyboard.press('Escape');

    // The dashboard: six charts drawn, a table view, a CSV, the cases behind a bar.
    await go(page, /看板/);
    await expect(page).toHaveURL(/#\/dashboard$/);
    const cards = page.locator('.chart-card');
    await expect(cards).toHaveCount(6);
    const broken = page.locator('.chart-card[data-chart="brokenByAgent"]');
    await expect(broken.getByRole('img', { name: /各坐席未兑现承诺/ })).toBeVisible();
    await expect(broken.locator('.echart svg path').first()).toBeAttached();
    await expect(page.locator('.chart-card [aria-busy="true"]')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/dashboard.png' });
    // Clicking a bar lists the cases behind it.
    await broken.locator('.echart svg path[fill="#2f5bd3"]').first().click();
    const barCases = page.getByRole('region', { name: /各坐席未兑现承诺：.+ 的工单/ });
    await expect(barCases.locator('tbody tr').first()).toBeVisible();
    await barCases.getByRole('button', { name: '关闭工单列表' }).click();
    await expect(barCases).toHaveCount(0);
    await broken.getByRole('button', { name: '表格' }).click();
    const table = broken.getByRole('table');
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader', { name: '坐席' })).toBeVisible();
    const firstRow = table.locator('tbody tr').first();
    await expect(firstRow).toContainText('工号');

    const downloadPromise = page.waitForEvent('download');
    await broken.getByRole('button', { name: '导出 CSV' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^brokenByAgent-.*\.csv$/);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')[0]).toBe('坐席,未兑现');
    expect(text).toContain('工号');

    await firstRow.getByRole('button', { name: '查看工单' }).click();
    const cases = page.getByRole('region', { name: /各坐席未兑现承诺：.+ 的工单/ });
    await expect(cases).toBeVisible();
    const caseButton = cases.locator('tbody tr').first().getByRole('button');
    await expect(caseButton).toHaveText(/^C-\d{4}-\d{4}$/);
    const number = (await caseButton.textContent()) ?? '';
    await caseButton.click();
    // The case opens on the desk.
    await expect(page).toHaveURL(/#\/$/);
    await expect(page.getByRole('dialog', { name: new RegExp(number) })).toBeVisible();
    await page.keyboard.press('Escape');

    expect(problems).toEqual([]);

    // Agent 23338 sees the review on "my reviews".
    await server.kill();
    await server.restart({ agent: AGENT_23338 });
    // Only the hash differs from the page on screen: reload so the desk starts afresh as the agent.
    await page.goto(`${server.url}/#/reviews`);
    await page.reload();
    await expect(page.getByText('钱伟 · 工号 23338')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: '我的质检' })).toBeVisible();
    const review = page.locator('.my-review').first();
    await expect(review).toContainText('平均 2.0 分');
    await expect(review).toContainText('把问题归咎于客户，违反服务规范');
    await expect(review).toContainText('周婷');
    // No queue or dashboard for an agent.
    await expect(page.getByRole('navigation', { name: '页面' }).getByRole('link', { name: '升级队列' })).toHaveCount(0);
  });
});
