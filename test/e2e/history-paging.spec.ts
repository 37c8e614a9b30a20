import { expect, test } from '@playwright/test';
import { lookUp, openDesk, readWholeTimeline, rpc, timeline } from './support/desk';

interface Customer {
  id: string;
}
interface CaseSummary {
  id: string;
}

/** More entries than one page of history (30), so the desk must follow the cursor while scrolling. */
const NOTES = 45;

test('a long history loads older pages as the agent scrolls, without gaps or repeats', async ({ page, request }) => {
  const tail = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  const phone = `199${tail}`;
  const customer = await rpc<Customer>(request, 'customers.create', { name: '长历史客户', phone });
  const opened = await rpc<CaseSummary>(request, 'cases.create', { customerId: customer.id, title: '多次来电跟进', category: 'billing' });
  for (let i = 1; i <= NOTES; i++) {
    await rpc(request, 'notes.add', { caseId: opened.id, body: `第${i}次跟进记录` });
  }

  await openDesk(page);
  await lookUp(page, phone);
  await expect(page.getByRole('heading', { level: 1, name: '长历史客户' })).toBeVisible();
  await expect(timeline(page).locator('article').first()).toContainText(`第${NOTES}次跟进记录`);
  await expect(page.getByText('已加载 30 条')).toBeVisible();

  const entries = await readWholeTimeline(page);
  expect(entries).toHaveLength(NOTES + 1);
  expect(new Set(entries.map((e) => e.key)).size).toBe(NOTES + 1);
  const notes = entries.filter((e) => e.kind === 'note').map((e) => e.text.match(/第(\d+)次跟进记录/)?.[1]);
  expect(notes).toEqual(Array.from({ length: NOTES }, (_, i) => String(NOTES - i)));
  expect(entries[entries.length - 1]?.kind).toBe('case_opened');
  await expect(page.getByText(`共 ${NOTES + 1} 条`)).toBeVisible();
  await expect(timeline(page).getByText('以上是全部记录')).toBeVisible();
});
