import { expect, test } from '@playwright/test';
import { openDesk, openSeedCustomer } from './support/desk';

interface BridgeWindow {
  kept: unknown;
  keptCalls: string[];
}

/**
 * In the desktop the preload puts `window.kept` on the page and the desk must talk through it, not
 * over HTTP. Here a stand-in bridge carries each call to the server and records what passed through.
 */
test('with a desktop bridge on the page, every call goes through the bridge', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as BridgeWindow;
    w.keptCalls = [];
    w.kept = {
      invoke: async (request: { procedure: string; input: unknown; mutationId?: string }) => {
        w.keptCalls.push(request.procedure);
        const response = await fetch(`/api/rpc/${request.procedure}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ input: request.input, mutationId: request.mutationId }),
        });
        return response.json();
      },
      subscribe: () => () => undefined,
    };
  });
  const overHttp: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/rpc/')) overHttp.push(request.url());
  });

  await openDesk(page);
  await openSeedCustomer(page);
  const bridgeCalls = () => page.evaluate(() => [...(window as unknown as BridgeWindow).keptCalls]);
  // A call is in the bridge's list the moment it starts and its request is seen a moment later:
  // read both once the desk's calls have settled, not while one is still on its way.
  await expect.poll(async () => (await bridgeCalls()).length - overHttp.length).toBe(0);
  const calls = await bridgeCalls();
  expect(calls).toEqual(expect.arrayContaining(['session.me', 'customers.pop']));
  // The stand-in's own fetches are the only HTTP calls: one per bridge call, none from the desk itself.
  expect(overHttp).toHaveLength(calls.length);
  expect(overHttp.map((url) => decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '')).sort()).toEqual([...calls].sort());
});
