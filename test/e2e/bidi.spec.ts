import { expect, test } from '@playwright/test';
import { lookUp, openDesk, rpc, timeline } from './support/desk';

test('a bidirectional control in what someone typed reorders only that text, never the console around it', async ({ page, request }) => {
  const tail = String(Date.now() % 1e8).padStart(8, '0');
  // U+202E (right-to-left override) without its closing U+202C, in a name and in a note.
  const customer = await rpc<{ id: string }>(request, 'customers.create', { name: `\u202e测试客户`, phone: `136${tail}` });
  const kase = await rpc<{ id: string }>(request, 'cases.create', { customerId: customer.id, title: '方向字符', category: 'other' });
  await rpc(request, 'notes.add', { caseId: kase.id, body: `备注\u202e里有反向字符` });

  await openDesk(page);
  await lookUp(page, `136${tail}`);
  const note = timeline(page).locator('article', { hasText: '里有反向字符' }).locator('.entry-text');
  await expect(note).toBeVisible();
  await expect(note).toHaveCSS('unicode-bidi', 'isolate');
  // The note's head (who wrote it, when) is in its own isolated pieces, so the override cannot reach it.
  const head = timeline(page).locator('article', { hasText: '里有反向字符' }).locator('.entry-head span').first();
  await expect(head).toHaveCSS('unicode-bidi', 'isolate');
});
