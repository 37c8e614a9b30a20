import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../fixtures/demo-ids';
import { searchBox } from './support/desk';
import { type OwnServer, startOwnServer } from './support/own-server';

/** A server as in production: no test actor, every page signs in. */
let server: OwnServer;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startOwnServer({ agent: null });
});
test.afterAll(async () => {
  await server.dispose();
});

async function signInPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: '登录守约' })).toBeVisible();
  await expect(page.getByLabel('工号')).toBeFocused();
  return page;
}

async function signIn(page: Page, employeeNo: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('工号').fill(employeeNo);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

test('an agent, a supervisor and an administrator each sign in and see what their role allows', async ({ browser }) => {
  test.setTimeout(180_000);
  const agent = await signInPage(browser);
  const axe = await new AxeBuilder({ page: agent }).include('.sign-in').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  // Wrong password: said in words, the password emptied and focused for another try.
  await signIn(agent, '20001', 'not-my-password');
  await expect(agent.getByRole('alert')).toHaveText('工号或密码不对，请重新输入。');
  await agent.screenshot({ path: 'test-results/sign-in.png' });
  await expect(agent.getByLabel('密码')).toBeFocused();
  await expect(agent.getByLabel('密码')).toHaveValue('');

  await signIn(agent, '20001');
  await expect(searchBox(agent)).toBeFocused();
  await expect(agent.getByText('林晓 · 工号 20001')).toBeVisible();
  await expect(agent.getByRole('button', { name: /待审批的申请/ })).toHaveCount(0);
  await expect(agent.getByRole('button', { name: '账号', exact: true })).toHaveCount(0);

  const supervisor = await signInPage(browser);
  await signIn(supervisor, '30001');
  await expect(supervisor.getByText('周婷 · 工号 30001')).toBeVisible();
  await expect(supervisor.getByRole('button', { name: /待审批的申请/ })).toBeVisible();
  await expect(supervisor.getByRole('button', { name: '账号', exact: true })).toHaveCount(0);
  // Each browser is its own person: the agent's desk still says 林晓.
  await agent.reload();
  await expect(agent.getByText('林晓 · 工号 20001')).toBeVisible();

  const admin = await signInPage(browser);
  await signIn(admin, '90001');
  await expect(admin.getByText('陈静 · 工号 90001')).toBeVisible();
  await admin.getByRole('button', { name: '账号', exact: true }).click();
  const accounts = admin.getByRole('dialog', { name: '账号管理' });
  await expect(accounts.locator('tr[data-employee-no="23338"]')).toContainText('钱伟');
  await expect(accounts.locator('tr[data-employee-no="40001"]').getByLabel('黄蕾 的角色')).toHaveValue('complaint_centre');

  // A new account with a weak password is refused in words; with a good one it is created and can sign in.
  await accounts.getByLabel('工号').fill('10995');
  await accounts.getByLabel('姓名').fill('许诺');
  await accounts.getByLabel('初始密码').fill('password123');
  await accounts.getByRole('button', { name: '创建账号' }).click();
  await expect(accounts.getByRole('alert')).toContainText('密码太容易猜到');
  await accounts.getByLabel('初始密码').fill('Harbour-light-31');
  await accounts.getByRole('button', { name: '创建账号' }).click();
  await expect(accounts.getByRole('status')).toHaveText('已创建 许诺（10995）。');
  await expect(accounts.locator('tr[data-employee-no="10995"]')).toContainText('坐席');
  await admin.screenshot({ path: 'test-results/accounts.png' });

  // Disabling the agent ends their session at once: their next call lands on the sign-in page.
  await accounts.getByRole('button', { name: '停用 林晓' }).click();
  await expect(accounts.getByRole('status')).toHaveText('已停用 林晓，其所有登录已结束。');
  await expect(accounts.locator('tr[data-employee-no="20001"]')).toContainText('已停用');
  // Its event socket is closed at once, and the idle page goes to the sign-in page by itself.
  await expect(agent.getByRole('heading', { name: '登录守约' })).toBeVisible();
  await expect(agent.getByText('登录已失效，请重新登录。')).toBeVisible();
  await signIn(agent, '20001');
  await expect(agent.getByRole('alert')).toHaveText('工号或密码不对，请重新输入。');

  // The supervisor signs out; a reload does not bring the desk back.
  await supervisor.getByRole('button', { name: /退出登录/ }).click();
  await expect(supervisor.getByRole('heading', { name: '登录守约' })).toBeVisible();
  await expect(supervisor.getByText('已退出登录。')).toBeVisible();
  await supervisor.reload();
  await expect(supervisor.getByRole('heading', { name: '登录守约' })).toBeVisible();

  for (const page of [agent, supervisor, admin]) await page.context().close();
});

test('five wrong passwords lock the account, and the page says until when', async ({ browser }) => {
  const page = await signInPage(browser);
  for (let i = 0; i < 4; i++) {
    await signIn(page, '10452', `wrong-password-${i}`);
    await expect(page.getByRole('alert')).toHaveText('工号或密码不对，请重新输入。');
  }
  await signIn(page, '10452', 'wrong-password-last');
  await expect(page.getByRole('alert')).toContainText('密码错误次数太多，账号已锁定，请在');
  await signIn(page, '10452');
  await expect(page.getByRole('alert')).toContainText('账号已锁定');
  await page.context().close();
});
