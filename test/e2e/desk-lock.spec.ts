import { expect, test } from '@playwright/test';
import { searchBox } from './support/desk';

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
});
