import { expect, test } from '@playwright/test';
import { DESK_EMPLOYEE_NO, lookUp, openDesk, openSeedCustomer, readWholeTimeline, SEED, searchBox, timeline } from './support/desk';
import { STORY_PHONE_DIGITS, STORY_REFUND_CASE_NUMBER, STORY_VOUCHER_CASE_NUMBER } from '../fixtures/demo-ids';

test('looks the seed customer up however the number is typed and shows every call, by whom', async ({ page }) => {
  await openDesk(page);

  for (const typed of ['13800138000', '138 0013 8000', '+86 138-0013-8000', '１３８ ００１３ ８０００', '0086 13800138000']) {
    await openSeedCustomer(page, typed);
    await expect(page.locator('.tier')).toHaveText(/银卡/);
  }

  // The case the note goes to by default is the newest open one.
  const cases = page.getByRole('radiogroup', { name: '工单' });
  await expect(cases.getByRole('radio')).toHaveCount(3);
  await expect(cases.getByRole('radio', { checked: true })).toContainText(STORY_REFUND_CASE_NUMBER);
  await expect(page.locator('.note-target')).toContainText(STORY_REFUND_CASE_NUMBER);

  // Everything fits in the first page, so the header can say how many there are in all.
  await expect(page.getByText(/共 \d+ 条/)).toBeVisible();

  // Newest first: the last call of the story heads the story's entries (other tests may add notes above it).
  const storyEntries = timeline(page)
    .locator('article')
    .filter({ hasNotText: `工号 ${DESK_EMPLOYEE_NO}` });
  await expect(storyEntries.first()).toContainText('李强 · 工号 10688');

  // The oldest call is far down a virtualized list: not on screen until the agent scrolls there.
  const oldest = timeline(page).locator('article', { hasText: SEED.oldestNoteText });
  await expect(oldest).not.toBeInViewport();

  const all = await readWholeTimeline(page);
  // Other tests write notes and log calls at this desk (20001); the story's own entries are the rest.
  const seedEntries = all.filter((e) => e.kind === 'case_opened' || !e.employeeNos.includes(DESK_EMPLOYEE_NO));
  expect(seedEntries.filter((e) => e.kind === 'contact')).toHaveLength(SEED.contacts);
  expect(seedEntries.filter((e) => e.kind === 'note')).toHaveLength(SEED.standaloneNotes);
  expect(seedEntries.filter((e) => e.kind === 'case_opened')).toHaveLength(SEED.casesOpened);

  const text = all.map((e) => e.text).join('\n');
  expect(text).toContain('钱伟 · 工号 23338');
  expect(text).toContain('王芳 · 工号 10452');
  for (const contact of seedEntries.filter((e) => e.kind === 'contact')) {
    expect(contact.text).toMatch(/工号 \d{5}/);
    expect(contact.text).toMatch(/C-\d{4}-\d{4}/);
  }

  // After the walk the list rests at its end, where the first call of the story is: drawn in the
  // page (the brief above leaves the history a short window at 768 px, so it may sit just above).
  await expect(oldest).toBeAttached();
  await oldest.scrollIntoViewIfNeeded();
  await expect(oldest).toBeInViewport();
  await expect(oldest).toContainText('王芳 · 工号 10452');
  await expect(timeline(page).getByText('以上是全部记录')).toBeVisible();

  // The search box takes a new number without the agent clearing it by hand.
  await lookUp(page, STORY_PHONE_DIGITS);
  await expect(searchBox(page)).toHaveValue(STORY_PHONE_DIGITS);
});

test('the desk with the seed customer open, as an agent sees it at 1366×768', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDesk(page);
  await openSeedCustomer(page);
  await expect(page.getByText(/共 \d+ 条/)).toBeVisible();
  await page.screenshot({ path: 'test-results/desk.png' });
});

test('the selected case opens in full, with every note filed under it', async ({ page }) => {
  await openDesk(page);
  await openSeedCustomer(page);
  await page.getByRole('radio', { name: STORY_VOUCHER_CASE_NUMBER }).click();
  await page.getByRole('button', { name: '工单详情' }).click();

  const dialog = page.getByRole('dialog', { name: STORY_VOUCHER_CASE_NUMBER });
  await expect(dialog).toContainText('50元积分兑换券无法兑换');
  await expect(dialog).toContainText('积分与兑换券');
  await expect(dialog).toContainText('王芳 · 工号 10452');
  await expect(dialog.locator('article', { hasText: '晚上9点后客户再次尝试' })).toContainText('赵敏 · 工号 10731');
  await expect(dialog.locator('article', { hasText: '不是我们的问题' })).toContainText('钱伟 · 工号 23338');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
