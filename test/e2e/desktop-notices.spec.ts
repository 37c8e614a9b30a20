import { expect, type Page, test } from '@playwright/test';
import { openDesk, rpcAt } from './support/desk';
import { type OwnServer, startOwnServer } from './support/own-server';

interface SeenNotice {
  title: string;
  body: string;
  tag: string;
}

/**
 * The system's notification centre cannot be looked at from a test, so the page's Notification is
 * wrapped: every notice is still made by the browser, and also written down where the test reads
 * it. Whether the console is in view is the test's to say (the agent "working in another window").
 */
async function recordNotices(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __notices: Array<SeenNotice & { notice: Notification }>; __inView: boolean };
    w.__notices = [];
    w.__inView = true;
    const System = window.Notification;
    class Recorded extends System {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        w.__notices.push({ title, body: options?.body ?? '', tag: options?.tag ?? '', notice: this });
      }
    }
    Object.defineProperty(Recorded, 'permission', { get: () => System.permission });
    Object.defineProperty(Recorded, 'requestPermission', { value: System.requestPermission.bind(System) });
    window.Notification = Recorded as typeof Notification;
    document.hasFocus = () => w.__inView;
  });
}

const notices = (page: Page) =>
  page.evaluate(() => (window as unknown as { __notices: SeenNotice[] }).__notices.map(({ title, body, tag }) => ({ title, body, tag })));
const setInView = (page: Page, inView: boolean) =>
  page.evaluate((v) => void ((window as unknown as { __inView: boolean }).__inView = v), inView);

test.describe('desktop notices, on a server whose clock the test moves', () => {
  let server: OwnServer;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await startOwnServer({ testClock: true });
  });
  test.afterAll(async () => {
    await server.dispose();
  });

  /** A customer of this test's own, a case, and a promise by this desk's agent due in 30 minutes. */
  async function promiseDueSoon(request: Parameters<typeof rpcAt>[0], phone: string, wording: string) {
    const now = Date.parse((await server.advanceClock(0)).now);
    const customer = await rpcAt<{ id: string }>(request, server.url, 'customers.create', { name: '郑晓雨', phone, tier: 'standard' });
    const kase = await rpcAt<{ id: string; number: string }>(request, server.url, 'cases.create', {
      customerId: customer.id,
      title: '宽带报修回访',
      category: 'network',
    });
    const made = await rpcAt<{ commitment: { id: string } }>(request, server.url, 'commitments.create', {
      caseId: kase.id,
      kind: 'callback',
      wording,
      dueAt: new Date(now + 30 * 60_000).toISOString(),
    });
    return { caseNumber: kase.number, commitmentId: made.commitment.id };
  }

  test('the agent’s own promise falling due while the console is not in view becomes a system notice that opens the case', async ({
    page,
    context,
    request,
  }) => {
    test.setTimeout(120_000);
    await context.grantPermissions(['notifications'], { origin: server.url });
    await recordNotices(page);
    await openDesk(page, server.url);
    // Allowed already: nothing to ask for.
    await expect(page.getByRole('button', { name: '开启桌面提醒' })).toHaveCount(0);
    await expect(page.locator('.connection-open')).toBeAttached();

    // In view: the toast says it, and no system notice is added on top.
    const seen = await promiseDueSoon(request, '13700001001', '今天下班前回电告知宽带维修进度');
    expect((await server.advanceClock(31)).alerted).toContain(seen.commitmentId);
    await expect(page.getByRole('status').filter({ hasText: '你的承诺已到期' })).toContainText('今天下班前回电告知宽带维修进度');
    expect(await notices(page)).toEqual([]);

    // Working in another window: the next promise that falls due is a system notice.
    await setInView(page, false);
    const away = await promiseDueSoon(request, '13700001002', '明天上午十点前短信告知上门时间');
    expect((await server.advanceClock(31)).alerted).toContain(away.commitmentId);
    // Only this test's promises: the demo story may have promises of its own that come due.
    const ours = async () =>
      (await notices(page))
        .filter((n) => [`kept-commitment-${seen.commitmentId}`, `kept-commitment-${away.commitmentId}`].includes(n.tag))
        .map((n) => `${n.tag === `kept-commitment-${away.commitmentId}` ? 'away' : 'seen'} ${n.title}`);
    await expect.poll(ours).toEqual(['away 守约：你的承诺已到期']);
    const due = (await notices(page)).find((n) => n.tag === `kept-commitment-${away.commitmentId}`);
    expect(due?.body).toContain('明天上午十点前短信告知上门时间');

    // Past the grace period both are broken: new news for each, so each gets a notice, under its
    // promise's tag (the broken notice replaces the due one in the notification centre).
    const tick = await server.advanceClock(3 * 60);
    expect(tick.broken).toEqual(expect.arrayContaining([seen.commitmentId, away.commitmentId]));
    await expect
      .poll(async () => (await ours()).sort())
      .toEqual(['away 守约：你的承诺已到期', 'away 守约：你的承诺未兑现', 'seen 守约：你的承诺未兑现']);
    const broken = (await notices(page)).find((n) => n.tag === `kept-commitment-${away.commitmentId}` && n.title.includes('未兑现'));
    expect(broken?.body).toContain('已升级给班长');

    // Clicking the notice brings the console up on that case, at its promises.
    await page.evaluate((tag) => {
      const recorded = (window as unknown as { __notices: Array<SeenNotice & { notice: Notification }> }).__notices;
      const last = recorded.filter((n) => n.tag === tag).at(-1)!;
      last.notice.onclick?.(new Event('click'));
    }, `kept-commitment-${away.commitmentId}`);
    const caseView = page.getByRole('dialog', { name: new RegExp(away.caseNumber) });
    await expect(caseView).toBeVisible();
    await expect(caseView.getByRole('tab', { name: /承诺/ })).toHaveAttribute('aria-selected', 'true');
    await expect(caseView.locator('.case-commitment', { hasText: '明天上午十点前短信告知上门时间' })).toContainText('未兑现');
  });

  test('in a browser that has not been asked yet, the agent can turn desktop alerts on', async ({ page }) => {
    await openDesk(page, server.url);
    const ask = page.getByRole('button', { name: '开启桌面提醒' });
    await expect(ask).toBeVisible();
    await expect(ask).toHaveAttribute('title', /承诺到期或未兑现也会弹出系统通知/);
  });
});
