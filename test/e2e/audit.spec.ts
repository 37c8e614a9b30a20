import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { STORY_VOUCHER_CASE_ID, STORY_VOUCHER_CASE_NUMBER } from '../fixtures/demo-ids';
import { openDesk, openSeedCustomer, rpcAt } from './support/desk';
import { type OwnServer, startOwnServer } from './support/own-server';

test.describe('the audit trail', () => {
  let server: OwnServer;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await startOwnServer({ agent: '30001' });
  });
  test.afterAll(async () => {
    await server.dispose();
  });

  test('from a case view to its trail with old → new, a person’s trail, and a tampered row shown as the first broken link', async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    // The supervisor renames the seed's voucher case: the trail must show it, old → new, under their name.
    const before = await rpcAt<{ version: number; title: string }>(request, server.url, 'cases.get', { id: STORY_VOUCHER_CASE_ID });
    await rpcAt(request, server.url, 'cases.update', { id: STORY_VOUCHER_CASE_ID, version: before.version, title: '积分券折算话费' });

    await openDesk(page, server.url);
    await openSeedCustomer(page);
    await page
      .getByRole('region', { name: '客户简报' })
      .getByRole('button', { name: new RegExp(STORY_VOUCHER_CASE_NUMBER) })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: new RegExp(STORY_VOUCHER_CASE_NUMBER) });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('link', { name: `查看案件 ${STORY_VOUCHER_CASE_NUMBER} 的审计记录` }).click();

    await expect(page).toHaveURL(new RegExp(`#/audit\\?case=${STORY_VOUCHER_CASE_NUMBER}$`));
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: '审计记录' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: `案件 ${STORY_VOUCHER_CASE_NUMBER} · 积分券折算话费` })).toBeVisible();
    const entries = page.getByRole('list', { name: '审计记录，最新的在前' }).locator(':scope > li');
    const rename = entries.first();
    await expect(rename).toHaveAttribute('data-action', 'cases.update');
    await expect(rename).toContainText('修改案件');
    await expect(rename).toContainText('周婷 · 工号 30001');
    await expect(rename.locator('[data-kind="changed"]')).toContainText('标题');
    await expect(rename.locator('.audit-from')).toHaveText(before.title);
    await expect(rename.locator('.audit-to')).toHaveText('积分券折算话费');
    const renamedSeq = Number(await rename.getAttribute('data-seq'));
    expect(renamedSeq).toBeGreaterThan(0);
    // The case was opened by the seed story: the oldest entry of its trail says so, in words.
    await expect(entries.filter({ hasText: '创建案件' })).not.toHaveCount(0);
    await expect(page.locator('[data-chain="intact"]')).toContainText('审计链完整');

    // A person's trail: everything in it is theirs.
    await page.getByRole('radio', { name: '人员' }).check();
    await page.getByRole('textbox', { name: '工号' }).fill('30001');
    await page.getByRole('button', { name: '查看', exact: true }).click();
    await expect(page).toHaveURL(/#\/audit\?person=30001$/);
    await expect(page.getByRole('heading', { level: 2, name: '周婷 · 工号 30001' })).toBeVisible();
    await expect(entries.first()).toHaveAttribute('data-seq', String(renamedSeq));
    await expect(entries.locator('.entry-agent:not([data-employee-no="30001"])')).toHaveCount(0);

    // An unknown number is said in words.
    await page.getByRole('textbox', { name: '工号' }).fill('99999');
    await page.getByRole('button', { name: '查看', exact: true }).click();
    await expect(page.locator('.audit-main').getByRole('alert')).toHaveText('没有工号为 99999 的人员，请核对工号。');

    // Someone with the database file in hand drops the append-only guard and rewrites the rename's recorded title.
    const file = new Database(join(server.dataDir, 'kept.db'));
    try {
      file.exec('drop trigger audit_log_no_update');
      const changed = file.prepare(`update audit_log set data = replace(data, '积分券折算话费', '别的标题') where seq = ?`).run(renamedSeq);
      expect(changed.changes).toBe(1);
    } finally {
      file.close();
    }
    await page.getByRole('button', { name: '重新校验' }).click();
    const broken = page.locator('[data-chain="broken"]');
    await expect(broken).toHaveAttribute('data-first-bad', String(renamedSeq));
    await expect(broken).toContainText(`第一个断点在链上第 ${renamedSeq} 条（内容与哈希不符）`);
    await expect(broken).toContainText(`修改案件，案件 ${STORY_VOUCHER_CASE_ID}`);
  });
});

test('the desk never downloads the dashboard (ECharts): it is loaded on the dashboard route', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await openDesk(page);
  await openSeedCustomer(page);
  await expect(page.locator('[data-region="customer-brief"]')).toBeVisible();
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((s) => /dashboard/.test(s))).toEqual([]);
});
