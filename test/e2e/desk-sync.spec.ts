import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { searchBox } from './support/desk';

// axe injects a script; the console's CSP (script-src 'self') would block it.
test.use({ bypassCSP: true });

async function axe(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const found = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect.soft(found, `axe on ${screen}`).toEqual([]);
}

interface SyncState {
  serverUrl: string | null;
  signedIn: boolean;
  person: { employeeNo: string; name: string } | null;
  remembered: boolean;
  online: boolean;
  pending: number;
  lastError: string | null;
}

interface SyncWindow {
  kept: unknown;
  keptSync: SyncState;
  /** What main does when the sync state changes: push it on the status channel. */
  keptPushSync(state: Partial<SyncState>): void;
  keptSyncCalls: string[];
  /** Play main's sign-in making the server account the desk's person (off: the person stays the administrator). */
  keptSignInSwitches: boolean;
  keptAtDesk: unknown;
}

/**
 * The desktop's team server with a stand-in bridge: an administrator unlocked at the desk, calls to
 * the test server, and a sync half that answers as main's router does (main's parsing and the real
 * sign-in are proven in Node: test/unit/ipc/sync-router.test.ts, test/integration/desk-connection.test.ts).
 */
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as SyncWindow;
    const admin = { id: '01930000-0000-7000-8000-0000000b0001', employeeNo: '90001', name: '陈静', role: 'admin' };
    const lin = { id: '01930000-0000-7000-8000-000000020001', employeeNo: '20001', name: '林晓', role: 'agent' };
    w.keptSignInSwitches = false;
    w.keptAtDesk = admin;
    const listeners = new Set<(state: unknown) => void>();
    w.keptSyncCalls = [];
    w.keptSync = { serverUrl: null, signedIn: false, person: null, remembered: true, online: false, pending: 0, lastError: null };
    const ok = () => ({ ok: true, value: { ...w.keptSync } });
    w.keptPushSync = (change) => {
      w.keptSync = { ...w.keptSync, ...change };
      for (const listener of listeners) listener({ ...w.keptSync });
    };
    w.kept = {
      invoke: async (request: { procedure: string; input: unknown; mutationId?: string }) => {
        const response = await fetch(`/api/rpc/${request.procedure}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ input: request.input, mutationId: request.mutationId }),
        });
        return response.json();
      },
      subscribe: () => () => undefined,
      desk: {
        state: async () => ({ ok: true, value: { profiles: [admin], current: w.keptAtDesk, idleLockMinutes: 15 } }),
        lock: async () => ({ ok: true, value: { profiles: [admin], current: null, idleLockMinutes: 15 } }),
        createProfile: async () => ({ ok: false, error: { code: 'forbidden', message: 'no' } }),
        unlock: async () => ({ ok: false, error: { code: 'unauthenticated', message: 'no' } }),
      },
      sync: {
        state: async () => ok(),
        setServer: async (input: { serverUrl: string | null }) => {
          w.keptSyncCalls.push(`setServer ${String(input.serverUrl)}`);
          if (input.serverUrl?.startsWith('http://'))
            return {
              ok: false,
              error: { code: 'invalid_input', message: 'bad', issues: [{ path: 'serverUrl', message: 'https_required' }] },
            };
          w.keptSync = { ...w.keptSync, serverUrl: input.serverUrl ? input.serverUrl.replace(/\/$/, '') : null };
          return ok();
        },
        signIn: async (input: { employeeNo: string; password: string }) => {
          w.keptSyncCalls.push(`signIn ${input.employeeNo}`);
          if (input.password !== 'kept-demo-2026')
            return { ok: false, error: { code: 'unauthenticated', message: 'Wrong employee number or password.' } };
          w.keptSync = { ...w.keptSync, signedIn: true, person: { employeeNo: input.employeeNo, name: '林晓' }, online: true };
          if (w.keptSignInSwitches) w.keptAtDesk = lin;
          return ok();
        },
        signOut: async () => {
          w.keptSyncCalls.push('signOut');
          w.keptSync = { ...w.keptSync, signedIn: false, person: null, online: false };
          return ok();
        },
        onStatus: (listener: (state: unknown) => void) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      },
    };
  });
});

const push = (page: Page, change: Partial<SyncState>) => page.evaluate((c) => (window as unknown as SyncWindow).keptPushSync(c), change);

test('an administrator names the team server and signs in; the top bar shows offline with unsent writes, then online with none', async ({
  page,
}) => {
  await page.goto('/');
  await expect(searchBox(page)).toBeVisible();
  // Standalone: the top bar says nothing about a team server.
  await expect(page.getByRole('status').filter({ hasText: '团队服务器' })).toHaveCount(0);

  await page.getByRole('button', { name: '团队服务器' }).click();
  const dialog = page.getByRole('dialog', { name: '团队服务器' });
  const address = dialog.getByLabel('服务器地址');
  await address.fill('http://kept.example.cn');
  await dialog.getByRole('button', { name: '保存地址' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('为保护客户资料，服务器地址必须使用 https（本机上的服务器除外）。');
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await address.fill('https://kept.example.cn');
  await dialog.getByRole('button', { name: '保存地址' }).click();
  await expect(dialog.getByRole('status')).toHaveText('服务器地址已保存。');

  await expect(dialog.getByRole('heading', { name: '登录团队服务器' })).toBeVisible();
  await dialog.getByLabel('工号').fill('20001');
  await dialog.getByLabel('密码').fill('wrong-password');
  await dialog.getByRole('button', { name: '登录', exact: true }).click();
  await expect(dialog.getByRole('alert').last()).toHaveText('工号或密码不对，请重新输入。');
  await expect(dialog.getByLabel('密码')).toHaveValue('');
  await axe(page, 'the team server dialog (zh-CN)');
  await dialog.getByLabel('密码').fill('kept-demo-2026');
  await dialog.getByRole('button', { name: '登录', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: '已登录：林晓（工号 20001）' })).toBeVisible();
  await axe(page, 'the team server dialog, signed in (zh-CN)');
  await dialog.getByRole('button', { name: '关闭' }).click();

  const badge = page.getByRole('status').filter({ hasText: '团队服务器' });
  await expect(badge).toHaveText('团队服务器：已同步');

  // The network goes and three writes wait on the desk: main pushes the new state over the bridge.
  await push(page, { online: false, pending: 3, lastError: 'fetch failed' });
  await expect(badge).toHaveText('团队服务器：离线3 条未发送');
  await expect(badge.getByText('离线')).toBeVisible();
  await expect(badge.getByText('3 条未发送')).toBeVisible();
  await axe(page, 'the top bar offline with unsent writes (zh-CN)');

  await page.getByRole('radiogroup', { name: '界面语言' }).getByRole('radio', { name: 'EN' }).click();
  const badgeEn = page.getByRole('status').filter({ hasText: 'Team server' });
  await expect(badgeEn.getByText('Offline')).toBeVisible();
  await expect(badgeEn.getByText('3 unsent')).toBeVisible();
  await axe(page, 'the top bar offline with unsent writes (en)');

  // Back online: everything delivered.
  await push(page, { online: true, pending: 0, lastError: null });
  await expect(badgeEn).toHaveText('Team server: Synced');
  await expect(badgeEn.getByText(/unsent/)).toHaveCount(0);

  // Signing out: the badge says so, and a restart would not sync until someone signs in.
  await page.getByRole('button', { name: 'Team server' }).click();
  const dialogEn = page.getByRole('dialog', { name: 'Team server' });
  await dialogEn.getByRole('button', { name: 'Sign out of the team server' }).click();
  await expect(dialogEn.getByRole('status')).toHaveText('Signed out of the team server.');
  await axe(page, 'the team server dialog (en)');
  await dialogEn.getByRole('button', { name: 'Close' }).click();
  await expect(badgeEn).toHaveText('Team server: Not signed in to the team server');

  expect(await page.evaluate(() => (window as unknown as SyncWindow).keptSyncCalls)).toEqual([
    'setServer http://kept.example.cn',
    'setServer https://kept.example.cn',
    'signIn 20001',
    'signIn 20001',
    'signOut',
  ]);
});

test('signing in to the team server as another person makes them the one at the desk: the desk starts afresh for them', async ({
  page,
}) => {
  await page.goto('/');
  await expect(searchBox(page)).toBeVisible();
  await expect(page.getByRole('button', { name: /陈静/ })).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as SyncWindow).keptSignInSwitches = true;
  });
  await push(page, { serverUrl: 'https://kept.example.cn' });
  await page.getByRole('button', { name: '团队服务器' }).click();
  const dialog = page.getByRole('dialog', { name: '团队服务器' });
  await dialog.getByLabel('工号').fill('20001');
  await dialog.getByLabel('密码').fill('kept-demo-2026');
  await dialog.getByRole('button', { name: '登录', exact: true }).click();
  // Main unlocked the desk as 林晓: the administrator's screen (and the dialog) is gone, the lock is 林晓's.
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: /林晓/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /陈静/ })).toHaveCount(0);
  await expect(searchBox(page)).toBeVisible();
});
