import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { searchBox } from './support/desk';

// axe injects a script; the console's CSP (script-src 'self') would block it.
test.use({ bypassCSP: true });

/** WCAG 2.1 A and AA on the lock screen: no serious or critical violation (as accessibility.spec.ts). */
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

interface LockWindow {
  kept: unknown;
  keptUnlocked: boolean;
}

/**
 * The desktop's lock screen, with a stand-in bridge on the page: two profiles, a PIN checked by the
 * stand-in (main does it in the app), calls carried to the test server only while unlocked, as
 * main's router answers `unauthenticated` while the desk is locked.
 */
test('a locked desk shows the profile picker; the right PIN opens the desk and the lock button closes it', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as LockWindow;
    const profiles = [
      { id: '01930000-0000-7000-8000-0000000a0001', employeeNo: '20001', name: '林晓', role: 'agent' },
      { id: '01930000-0000-7000-8000-0000000a0002', employeeNo: '30001', name: '周婷', role: 'supervisor' },
    ];
    w.keptUnlocked = false;
    const state = () => ({ ok: true, value: { profiles, current: w.keptUnlocked ? profiles[0] : null, idleLockMinutes: 15 } });
    w.kept = {
      invoke: async (request: { procedure: string; input: unknown; mutationId?: string }) => {
        if (!w.keptUnlocked) return { ok: false, error: { code: 'unauthenticated', message: 'Choose your profile at this desk first.' } };
        const response = await fetch(`/api/rpc/${request.procedure}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ input: request.input, mutationId: request.mutationId }),
        });
        return response.json();
      },
      subscribe: () => () => undefined,
      desk: {
        state: async () => state(),
        lock: async () => {
          w.keptUnlocked = false;
          return state();
        },
        createProfile: async () => ({ ok: false, error: { code: 'unauthenticated', message: 'no' } }),
        unlock: async (input: { profileId: string; pin: string }) => {
          if (input.profileId === profiles[1]?.id)
            return {
              ok: false,
              error: { code: 'rate_limited', message: 'locked', issues: [{ path: 'lockedUntil', message: '2026-11-20T02:15:00.000Z' }] },
            };
          if (input.pin !== '2468')
            return {
              ok: false,
              error: { code: 'unauthenticated', message: 'Wrong PIN.', issues: [{ path: 'pin', message: 'pin_wrong' }] },
            };
          w.keptUnlocked = true;
          return state();
        },
      },
    };
  });

  await page.goto('/');
  await expect(page.getByRole('heading', { name: '谁在使用这台电脑？' })).toBeVisible();
  await expect(searchBox(page)).toHaveCount(0);

  // A locked-out profile says until when, in words.
  await page.getByRole('radio', { name: /周婷/ }).check();
  await expect(page.getByLabel('周婷 的 PIN')).toBeFocused();
  for (const digit of ['1', '2', '3', '4']) await page.getByRole('button', { name: `数字 ${digit}` }).click();
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('alert')).toContainText('已锁定至');

  // A wrong PIN, then the right one typed on the keyboard.
  await page.getByRole('radio', { name: /林晓/ }).check();
  const pin = page.getByLabel('林晓 的 PIN');
  await pin.fill('1111');
  await pin.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('PIN 不正确，请重试。');
  await expect(pin).toBeFocused();
  await expect(pin).toHaveValue('');
  await pin.fill('2468');
  await pin.press('Enter');

  await expect(searchBox(page)).toBeVisible();
  await page.getByRole('button', { name: /锁定本机/ }).click();
  await expect(page.getByRole('heading', { name: '谁在使用这台电脑？' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('本机已锁定。');
  await expect(searchBox(page)).toHaveCount(0);

  await page.getByRole('radio', { name: /林晓/ }).check();
  await axe(page, 'the lock screen (zh-CN)');
  await page.getByRole('radiogroup', { name: '界面语言' }).getByRole('radio', { name: 'EN' }).click();
  await expect(page.getByRole('heading', { name: 'Who is at this desk?' })).toBeVisible();
  await axe(page, 'the lock screen (en)');
});

test('an empty desk creates its first profile, which unlocks and may add another', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as LockWindow & {
      keptProfiles: { id: string; employeeNo: string; name: string; role: string; pin: string }[];
    };
    w.keptProfiles = [];
    let current: string | null = null;
    const state = () => {
      const profiles = w.keptProfiles.map(({ pin: _pin, ...profile }) => profile);
      return { ok: true, value: { profiles, current: profiles.find((p) => p.id === current) ?? null, idleLockMinutes: 15 } };
    };
    w.kept = {
      invoke: async (request: { procedure: string; input: unknown; mutationId?: string }) => {
        if (!current) return { ok: false, error: { code: 'unauthenticated', message: 'Choose your profile at this desk first.' } };
        const response = await fetch(`/api/rpc/${request.procedure}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ input: request.input, mutationId: request.mutationId }),
        });
        return response.json();
      },
      subscribe: () => () => undefined,
      desk: {
        state: async () => state(),
        lock: async () => {
          current = null;
          return state();
        },
        createProfile: async (input: { employeeNo: string; name: string; role: string; pin: string }) => {
          if (w.keptProfiles.some((p) => p.employeeNo === input.employeeNo))
            return {
              ok: false,
              error: { code: 'conflict', message: 'taken', issues: [{ path: 'employeeNo', message: 'employee_no_taken' }] },
            };
          w.keptProfiles.push({ id: `01930000-0000-7000-8000-00000000b00${w.keptProfiles.length}`, ...input });
          return state();
        },
        unlock: async (input: { profileId: string; pin: string }) => {
          const profile = w.keptProfiles.find((p) => p.id === input.profileId);
          if (!profile || profile.pin !== input.pin) return { ok: false, error: { code: 'unauthenticated', message: 'Wrong PIN.' } };
          current = profile.id;
          return state();
        },
      },
    };
  });

  await page.goto('/');
  await expect(page.getByRole('heading', { name: '创建本机第一个档案' })).toBeVisible();
  await expect(page.getByLabel('工号')).toBeFocused();
  await page.getByLabel('工号').fill('90001');
  await page.getByLabel('姓名').fill('陈静');
  await page.getByLabel('PIN（4–8 位数字）').fill('13579');
  await page.getByLabel('再次输入 PIN').fill('13570');
  await page.getByRole('button', { name: '创建档案' }).click();
  await expect(page.getByRole('alert')).toHaveText('两次输入的 PIN 不一致。');
  await page.getByLabel('PIN（4–8 位数字）').fill('13579');
  await page.getByLabel('再次输入 PIN').fill('13579');
  await page.getByRole('button', { name: '创建档案' }).click();

  // The one profile is chosen already; its PIN field has focus.
  await expect(page.getByRole('status')).toHaveText('档案已创建，请输入 PIN 解锁。');
  const pin = page.getByLabel('陈静 的 PIN');
  await expect(pin).toBeFocused();
  await pin.fill('13579');
  await pin.press('Enter');
  await expect(searchBox(page)).toBeVisible();

  await page.getByRole('button', { name: '添加档案' }).click();
  const dialog = page.getByRole('dialog', { name: '为本机添加档案' });
  await dialog.getByLabel('工号').fill('20002');
  await dialog.getByLabel('姓名').fill('王坐席');
  await dialog.getByLabel('角色').selectOption('agent');
  await dialog.getByLabel('PIN（4–8 位数字）').fill('2468');
  await dialog.getByLabel('再次输入 PIN').fill('2468');
  await dialog.getByRole('button', { name: '创建档案' }).click();
  await expect(dialog.getByRole('status')).toHaveText('已为 王坐席 创建档案。');
  await dialog.getByRole('button', { name: '关闭' }).click();

  await page.getByRole('button', { name: /锁定本机/ }).click();
  await expect(page.getByRole('group', { name: '本机档案' }).getByRole('radio')).toHaveCount(2);
  await expect(page.getByRole('radio', { name: /王坐席/ })).toBeVisible();
});

interface ServerLockWindow {
  kept: unknown;
  keptAtDesk: unknown;
  keptSignIns: string[];
}

/**
 * A desk with a team server named: below the PIN, a person unlocks with their server account. The
 * stand-in answers as main does (main's sign-in, the agent row and the PIN bound to it are proven in
 * Node: test/integration/desk-people.test.ts, test/unit/ipc/sync-router.test.ts).
 */
test('with a team server, a person unlocks the desk with their server account and may set a PIN', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as ServerLockWindow;
    const DEMO = 'kept-demo-2026';
    const local = { id: '01930000-0000-7000-8000-0000000c0001', employeeNo: '30001', name: '周婷', role: 'supervisor' };
    const person = { id: '01930000-0000-7000-8000-000000020001', employeeNo: '20001', name: '林晓', role: 'agent' };
    w.keptAtDesk = null;
    w.keptSignIns = [];
    let sync = {
      serverUrl: 'https://kept.example.cn',
      signedIn: false,
      person: null as null | { employeeNo: string; name: string },
      remembered: true,
      online: false,
      pending: 0,
      lastError: null,
    };
    const state = () => ({ ok: true, value: { profiles: [local], current: w.keptAtDesk, idleLockMinutes: 15 } });
    w.kept = {
      invoke: async (request: { procedure: string; input: unknown; mutationId?: string }) => {
        if (!w.keptAtDesk) return { ok: false, error: { code: 'unauthenticated', message: 'Choose your profile at this desk first.' } };
        const response = await fetch(`/api/rpc/${request.procedure}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ input: request.input, mutationId: request.mutationId }),
        });
        return response.json();
      },
      subscribe: () => () => undefined,
      desk: {
        state: async () => state(),
        lock: async () => {
          w.keptAtDesk = null;
          return state();
        },
        createProfile: async () => ({ ok: false, error: { code: 'forbidden', message: 'no' } }),
        unlock: async () => ({
          ok: false,
          error: { code: 'unauthenticated', message: 'Wrong PIN.', issues: [{ path: 'pin', message: 'pin_wrong' }] },
        }),
      },
      sync: {
        state: async () => ({ ok: true, value: { ...sync } }),
        setServer: async () => ({ ok: false, error: { code: 'forbidden', message: 'no' } }),
        signIn: async (input: { employeeNo: string; password: string; pin?: string }) => {
          w.keptSignIns.push(`${input.employeeNo} ${input.pin ?? '-'}`);
          if (input.password !== DEMO)
            return { ok: false, error: { code: 'unauthenticated', message: 'Wrong employee number or password.' } };
          // Main signed the person in, wrote their agent row and unlocked the desk as them.
          w.keptAtDesk = person;
          sync = { ...sync, signedIn: true, online: true, person: { employeeNo: person.employeeNo, name: person.name } };
          return { ok: true, value: { ...sync } };
        },
        signOut: async () => ({ ok: true, value: { ...sync } }),
        onStatus: () => () => undefined,
      },
    };
  });

  await page.goto('/');
  await expect(page.getByRole('heading', { name: '谁在使用这台电脑？' })).toBeVisible();
  const form = page.getByRole('form', { name: '用团队服务器账号解锁' });
  await expect(form).toBeVisible();
  await axe(page, 'the lock screen with a team server (zh-CN)');

  // Nothing filled in, a PIN too short, a wrong password: each said in words, nobody let in.
  await form.getByRole('button', { name: '登录并解锁' }).click();
  await expect(form.getByRole('alert')).toHaveText('请填写工号和密码。');
  await form.getByLabel('工号').fill('20001');
  await form.getByLabel('密码', { exact: true }).fill('wrong-password-1');
  await form.getByLabel(/本工位 PIN/).fill('12');
  await form.getByRole('button', { name: '登录并解锁' }).click();
  await expect(form.getByRole('alert')).toHaveText('PIN 为 4 到 8 位数字。');
  await form.getByLabel(/本工位 PIN/).fill('1357');
  await form.getByRole('button', { name: '登录并解锁' }).click();
  await expect(form.getByRole('alert')).toHaveText('工号或密码不对，请重新输入。');
  await expect(searchBox(page)).toHaveCount(0);

  await page.getByRole('radiogroup', { name: '界面语言' }).getByRole('radio', { name: 'EN' }).click();
  const formEn = page.getByRole('form', { name: 'Unlock with your team server account' });
  await expect(formEn).toBeVisible();
  await axe(page, 'the lock screen with a team server (en)');
  await page.getByRole('radiogroup', { name: 'Interface language' }).getByRole('radio', { name: '中文' }).click();

  await form.getByLabel('密码', { exact: true }).fill('kept-demo-2026');
  await form.getByLabel(/本工位 PIN/).fill('1357');
  await form.getByRole('button', { name: '登录并解锁' }).click();
  await expect(searchBox(page)).toBeVisible();
  // The empty form and the short PIN never reached main: only the wrong password and the right one did.
  expect(await page.evaluate(() => (window as unknown as ServerLockWindow).keptSignIns)).toEqual(['20001 1357', '20001 1357']);
});
