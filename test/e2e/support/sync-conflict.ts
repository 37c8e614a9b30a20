import { randomUUID } from 'node:crypto';

/** The seed's voucher case (main/core/demo/ids.ts). */
const VOUCHER_CASE = '01930000-0000-7000-8000-00000000ca01';

async function post(url: string, path: string, body: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
}

/**
 * Leaves one open sync conflict on a test-mode server (a page without a session acts as its `--agent`):
 * the case's priority is changed on the server, then a desk pushes its own change made against the
 * version before. The supervisors' list then has a row to show.
 */
export async function makeSyncConflict(url: string, actorId: string): Promise<void> {
  const view = (await post(url, '/api/rpc/cases.get', { input: { id: VOUCHER_CASE } })).value as { version: number; priority: string };
  const changed = await post(url, '/api/rpc/cases.update', {
    input: { id: VOUCHER_CASE, version: view.version, priority: view.priority === 'urgent' ? 'low' : 'urgent' },
  });
  if (!changed.ok) throw new Error(`cases.update failed: ${JSON.stringify(changed.error)}`);
  const at = new Date().toISOString();
  const pushed = await post(url, '/api/sync/push', {
    clientId: 'e2e-offline-desk',
    mutations: [
      {
        id: randomUUID(),
        clientId: 'e2e-offline-desk',
        seq: 1,
        name: 'cases.update',
        args: { id: VOUCHER_CASE, version: view.version, priority: 'high', at },
        at,
        actor: actorId,
        policyVersion: null,
      },
    ],
  });
  if (!pushed.ok) throw new Error(`push failed: ${JSON.stringify(pushed.error)}`);
}
