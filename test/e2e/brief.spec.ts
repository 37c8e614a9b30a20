import { expect, test } from '@playwright/test';
import { brief, openDesk, openSeedCustomer } from './support/desk';
import { STORY_VOUCHER_CASE_NUMBER } from '../fixtures/demo-ids';

test('the seed customer’s brief shows the strong repeat flag, the pinned facts and the incident with its guidance', async ({ page }) => {
  await openDesk(page);
  await openSeedCustomer(page);
  const region = brief(page);
  await expect(region).toBeVisible();

  // Six calls in a week about the voucher: the strong flag, on that case.
  const voucher = region.locator(`[data-case-number="${STORY_VOUCHER_CASE_NUMBER}"]`);
  await expect(voucher.locator('[data-repeat="strong"]')).toHaveText(/频繁来电 · 7天\d+次/);
  await expect(voucher).toContainText('50元积分兑换券无法兑换');
  await expect(voucher).toContainText('积分与兑换券');
  await expect(voucher).toContainText(/已开 \d+ 天/);
  await expect(region.getByRole('heading', { name: /未结工单/ })).toContainText('3');

  // Pinned facts, each with who pinned it.
  const facts = region.locator('.brief-facts .fact');
  await expect(facts.filter({ hasText: '客户只相信书面答复' })).toContainText('李强 · 工号 10688');
  await expect(facts.filter({ hasText: '无库存' })).toContainText('工号 10688');
  await expect(facts.filter({ hasText: '系统升级中' })).toContainText('赵敏 · 工号 10731');

  // The known incident and the approved words for it.
  const banner = region.getByRole('region', { name: /积分商城兑换系统升级维护/ });
  await expect(banner).toContainText('已知故障');
  await expect(banner).toContainText(STORY_VOUCHER_CASE_NUMBER);
  await expect(banner).toContainText('统一口径');
  await expect(banner).toContainText('不要建议客户“晚上再试”');

  // The last three contacts, each tied to the agent who took it.
  const contacts = region.locator('.brief-contact');
  await expect(contacts).toHaveCount(3);
  for (const contact of await contacts.all()) await expect(contact).toContainText(/工号 \d{5}/);
  await expect(region.getByRole('heading', { name: /最近联系/ })).toContainText(/7天内来电 \d+ 次/);

  // The two promises earlier agents broke: red, on top, with who made them and how long ago they were due.
  const promises = region.getByRole('region', { name: '承诺' });
  await expect(promises.locator('.commitment-count-broken')).toHaveText('未兑现 2');
  const callback = promises.locator('[data-bucket="broken"]', { hasText: '在48小时内回电' });
  await expect(callback).toContainText(STORY_VOUCHER_CASE_NUMBER);
  await expect(callback).toContainText('李强 · 工号 10688');
  await expect(callback).toContainText(/\d+ 天前到期/);
  await expect(promises.locator('[data-bucket="broken"]', { hasText: '办理延期7天' })).toContainText('孙磊 · 工号 10815');
});

test('at 1366×768 the whole brief is on screen without scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDesk(page);
  await openSeedCustomer(page);
  const region = brief(page);
  await expect(region.locator('.brief-contact')).toHaveCount(3);
  await expect(region.locator('.incident-banner')).toBeVisible();
  await page.screenshot({ path: 'test-results/brief.png' });

  const box = await region.boundingBox();
  if (!box) throw new Error('The brief has no box: it is not rendered.');
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(768);
  // Nothing on the way to it was scrolled: not the page, not the desk, not the column it stands in.
  const scrolled = await page.evaluate(() => ({
    page: window.scrollY,
    desk: document.querySelector('#desk')?.scrollTop ?? -1,
    column: document.querySelector('.workspace-main')?.scrollTop ?? -1,
    columnOverflows: (() => {
      const column = document.querySelector('.workspace-main');
      return column ? column.scrollHeight > column.clientHeight : true;
    })(),
  }));
  expect(scrolled).toEqual({ page: 0, desk: 0, column: 0, columnOverflows: false });
  // And the history still has room below it.
  const history = await page.getByRole('feed').boundingBox();
  if (!history) throw new Error('The history has no box: it is not rendered.');
  expect(history.y).toBeGreaterThan(box.y + box.height);
  expect(history.height).toBeGreaterThan(60);
});
