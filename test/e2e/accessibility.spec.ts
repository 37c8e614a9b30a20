import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { lookUp, offer, openDesk, openOffers, openSeedCustomer, searchBox, searchResults, VOUCHER_CASE } from './support/desk';
import { type OwnServer, startOwnServer } from './support/own-server';
import { makeSyncConflict } from './support/sync-conflict';

/**
 * WCAG 2.1 A and AA on every screen of the desk, in both languages: no violation of impact serious or
 * critical. Each failure lists the rule, its impact and the elements it found. The desktop-only screens
 * need a stand-in bridge and are checked beside their own flows: the lock screen (with and without a team
 * server's sign-in) in desk-lock.spec.ts,
 * the team server dialog and the top bar's sync badge in desk-sync.spec.ts.
 */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// axe injects a script; the console's CSP (script-src 'self') would block it.
test.use({ bypassCSP: true });

type Language = 'zh-CN' | 'en';

/**
 * Runs axe on what is on screen now (the dialog and the desk behind it) and records, softly so that one
 * run lists every screen, the serious and critical violations: rule, impact, and each element found
 * (with the colours and ratio for contrast). `label-content-name-mismatch` (WCAG 2.5.3, the accessible
 * name contains the visible text) is still experimental in axe, so it is enabled by name.
 */
async function check(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(WCAG)
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const found = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const nodes = v.nodes.map((n) => {
        const data = n.any[0]?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
        const colours = data?.fgColor ? ` (${data.fgColor} on ${data.bgColor}: ${data.contrastRatio}:1)` : '';
        return `${n.target.join(' ')}${colours}`;
      });
      return `${v.id} (${v.impact}): ${nodes.join(', ')}`;
    });
  expect.soft(found, `axe on ${screen}`).toEqual([]);
}

async function chooseLanguage(page: Page, language: Language): Promise<void> {
  if (language === 'zh-CN') return;
  await page.getByRole('radiogroup', { name: '界面语言' }).getByRole('radio', { name: 'EN' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

/** The one dialog open now, once it has settled. */
async function openDialog(page: Page) {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toHaveCount(1);
  await expect(dialog).toBeVisible();
  return dialog;
}

async function close(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

for (const language of ['zh-CN', 'en'] as const) {
  test.describe(`every screen, ${language}`, () => {
    test('the start screen, the customer, search, shortcuts, the case view, offers and a promise, incidents, the record', async ({
      page,
    }) => {
      // Some twenty axe runs: allow for a loaded machine.
      test.setTimeout(240_000);
      await openDesk(page);
      await chooseLanguage(page, language);
      await check(page, `${language}: start screen`);

      await openSeedCustomer(page);
      await expect(page.locator('[data-region="customer-brief"]')).toBeVisible();
      await check(page, `${language}: the seed customer, brief and history`);

      await page.keyboard.press('Control+K');
      await expect(searchBox(page)).toBeFocused();
      await page.keyboard.type('积分兑换券');
      await expect(searchResults(page).getByRole('option').nth(1)).toBeVisible();
      await check(page, `${language}: global search with results`);
      await page.keyboard.press('Escape');

      await page.locator('#desk').focus();
      await page.keyboard.press('?');
      await openDialog(page);
      await check(page, `${language}: keyboard shortcuts`);
      await close(page);

      await page.keyboard.press('Alt+O');
      const caseView = await openDialog(page);
      const tabs = caseView.getByRole('tab');
      await expect(tabs.first()).toBeVisible();
      for (let i = 0; i < (await tabs.count()); i++) {
        const tab = tabs.nth(i);
        const name = (await tab.textContent())?.trim();
        await tab.click();
        await expect(tab).toHaveAttribute('aria-selected', 'true');
        await check(page, `${language}: case view, tab ${name}`);
      }
      await close(page);

      const panel = await openOffers(page);
      await check(page, `${language}: what can I offer`);
      await offer(panel, 'extension')
        .getByRole('button', { name: /承诺此项|Promise this/ })
        .click();
      await expect(page.getByRole('dialog', { name: /做出承诺|Make a promise/ })).toBeVisible();
      await check(page, `${language}: the promise form`);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);

      await page.keyboard.press('Alt+I');
      await openDialog(page);
      await check(page, `${language}: known incidents`);
      await close(page);

      await page.getByRole('button', { name: /编辑客户资料|Edit the customer’s details/ }).click();
      await openDialog(page);
      await check(page, `${language}: the customer record`);
      await close(page);

      // 199 numbers are never in the demo set.
      await lookUp(page, `199${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`);
      await expect(page.getByRole('heading', { name: /未找到该号码的客户|No customer has this number/ })).toBeVisible();
      await check(page, `${language}: unknown number`);
    });
  });
}

test.describe('as the supervisor', () => {
  let server: OwnServer;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await startOwnServer({ agent: '30001' });
    // The dashboard's sync conflicts list has a row to check.
    await makeSyncConflict(server.url, '01930000-0000-7000-8000-000000030001');
  });
  test.afterAll(async () => {
    await server.dispose();
  });

  for (const language of ['zh-CN', 'en'] as const) {
    test(`approvals, the incidents form, a QA review, the queue and the dashboard, ${language}`, async ({ page }) => {
      test.setTimeout(120_000);
      await openDesk(page, server.url);
      await chooseLanguage(page, language);
      await openSeedCustomer(page);
      await page.getByRole('button', { name: /待审批|waiting for approval/ }).click();
      await expect(page.getByRole('dialog', { name: /待审批|Approvals/ })).toBeVisible();
      await check(page, `${language}: approvals (supervisor)`);
      await close(page);

      // The case view: the regulator's limit when it is a complaint, and escalating by hand with its reason missing.
      await page.keyboard.press('Alt+O');
      const caseView = page.getByRole('dialog').filter({ has: page.locator('.case-view-head') });
      await caseView.getByRole('tab', { name: /承诺|Promises/ }).click();
      await caseView.getByRole('button', { name: /人工升级|Escalate by hand/ }).click();
      await caseView
        .locator('.raise-escalation')
        .getByRole('button', { name: /提交升级|^Escalate$/ })
        .click();
      await expect(caseView.locator('.raise-escalation [role="alert"]')).toBeVisible();
      await check(page, `${language}: the case view, escalating by hand`);
      await close(page);

      await page.keyboard.press('Alt+I');
      await openDialog(page);
      await check(page, `${language}: known incidents with the supervisor's form`);
      await close(page);

      await page
        .getByRole('feed')
        .getByRole('button', { name: /^(质检|Review)$/ })
        .first()
        .click();
      await openDialog(page);
      await check(page, `${language}: QA review form`);
      await close(page);

      const nav = page.getByRole('navigation', { name: /页面|Pages/ });
      await nav.getByRole('link', { name: /升级队列|Escalation queue/ }).click();
      await expect(page.getByRole('heading', { level: 1, name: /升级队列|Escalation queue/ })).toBeVisible();
      await expect(page.locator('.queue-table, .queue p.muted').first()).toBeVisible();
      await check(page, `${language}: escalation queue`);
      const first = page.locator('.queue-table tbody tr').first();
      if ((await first.count()) > 0) {
        await first.getByRole('button').first().click();
        await expect(page.locator('.queue-detail [data-region="customer-brief"] .brief-grid')).toBeVisible();
        await check(page, `${language}: escalation queue with a row open`);
        // The workflow's steps, with a reason missing said inline.
        const up = page.locator('.flow-actions').getByRole('button', { name: /上送投诉中心|Send to the complaint centre/ });
        if ((await up.count()) > 0) {
          await up.click();
          await expect(page.locator('.flow-actions [role="alert"]')).toBeVisible();
          await check(page, `${language}: escalation queue, a step without its reason`);
        }
      }

      await nav.getByRole('link', { name: /看板|Dashboard/ }).click();
      await expect(page.locator('.chart-card')).toHaveCount(6);
      await expect(page.locator('.chart-card [aria-busy="true"]')).toHaveCount(0);
      await expect(page.locator('.sync-conflicts-table tbody tr')).toHaveCount(1);
      await check(page, `${language}: dashboard`);
      await page
        .locator('.chart-card[data-chart="brokenByAgent"]')
        .getByRole('button', { name: /表格|Table/ })
        .click();
      await expect(page.locator('.chart-card[data-chart="brokenByAgent"] table')).toBeVisible();
      await check(page, `${language}: dashboard with a table view`);

      await page.getByRole('link', { name: /查看审计记录|See the audit trail/ }).click();
      await expect(page.getByRole('heading', { level: 1, name: /审计记录|Audit trail/ })).toBeVisible();
      await expect(page.locator('[data-chain]')).toBeVisible();
      await check(page, `${language}: audit trail, nothing chosen`);
      await page.getByRole('textbox', { name: /案件编号|Case number/ }).fill(VOUCHER_CASE);
      await page.getByRole('button', { name: /^(查看|Show)$/ }).click();
      await expect(page.locator('.audit-entry').first()).toBeVisible();
      await check(page, `${language}: audit trail of a case`);
    });
  }
});

test.describe('as the administrator', () => {
  let server: OwnServer;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await startOwnServer({ agent: '90001' });
  });
  test.afterAll(async () => {
    await server.dispose();
  });

  for (const language of ['zh-CN', 'en'] as const) {
    test(`the accounts screen and a password reset, ${language}`, async ({ page }) => {
      test.setTimeout(120_000);
      await openDesk(page, server.url);
      await chooseLanguage(page, language);
      await page.getByRole('button', { name: /^(账号|Accounts)$/ }).click();
      const accounts = page.getByRole('dialog', { name: /账号管理|Accounts/ });
      await expect(accounts.locator('tr[data-employee-no="20001"]')).toBeVisible();
      await check(page, `${language}: accounts (administrator)`);
      await accounts
        .locator('tr[data-employee-no="20001"]')
        .getByRole('button', { name: /重置|Reset/ })
        .click();
      await expect(accounts.locator('input[type="password"][autocomplete="new-password"]').first()).toBeVisible();
      await check(page, `${language}: accounts, resetting a password`);
      await close(page);
    });

    test(`the policy screen with a simulation, ${language}`, async ({ page }) => {
      test.setTimeout(120_000);
      await openDesk(page, server.url);
      await chooseLanguage(page, language);
      await page
        .getByRole('navigation', { name: /页面|Pages/ })
        .getByRole('link', { name: /^(策略|Policy)$/ })
        .click();
      const json = page.getByRole('textbox', { name: /remedies/ });
      await json.fill((await json.inputValue()).replace('3 * contacts7d', '5 * contacts7d'));
      await page.getByRole('button', { name: /^(模拟|Simulate)$/ }).click();
      await expect(page.locator('.policy-simulation')).toBeVisible({ timeout: 30_000 });
      await check(page, `${language}: policy, a draft simulated`);
    });
  }
});
