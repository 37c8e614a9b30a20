import type { CoreDeps } from '../context';
import type { Gateway } from './gateways';

export interface DispatchPolicy {
  maxAttempts: number;
  /** Backoff before attempt n+1: base × 2^(n-1), capped. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_DISPATCH: DispatchPolicy = { maxAttempts: 6, baseDelayMs: 5_000, maxDelayMs: 10 * 60_000 };

/**
 * Sends what is queued and due for an attempt through the gateway, one at a time, recording each
 * attempt. Delivery state is the sending host's own bookkeeping, so it is not a mutation.
 */
export async function dispatchMessages(
  deps: CoreDeps,
  gateway: Gateway,
  policy: DispatchPolicy = DEFAULT_DISPATCH,
  batch = 50,
): Promise<{ sent: number; failed: number }> {
  if (!gateway.delivers) return { sent: 0, failed: 0 };
  const now = deps.now();
  const rows = await deps.db
    .selectFrom('messages')
    .selectAll()
    .where('status', '=', 'queued')
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now.toISOString())]))
    .orderBy('created_at')
    .orderBy('id')
    .limit(batch)
    .execute();
  let sent = 0;
  let failed = 0;
  for (const m of rows) {
    const result = await gateway.send({ id: m.id, to: m.to_phone, body: m.body, locale: m.locale, caseId: m.case_id });
    const attempts = m.attempts + 1;
    const at = deps.now().toISOString();
    if (result.ok) {
      sent += 1;
      await deps.db
        .updateTable('messages')
        .set({ status: 'sent', gateway: gateway.name, attempts, sent_at: at, last_error: null, next_attempt_at: null })
        .where('id', '=', m.id)
        .execute();
    } else {
      const final = !result.retryable || attempts >= policy.maxAttempts;
      if (final) failed += 1;
      const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempts - 1));
      await deps.db
        .updateTable('messages')
        .set({
          status: final ? 'failed' : 'queued',
          gateway: gateway.name,
          attempts,
          last_error: result.error,
          next_attempt_at: final ? null : new Date(deps.now().getTime() + delay).toISOString(),
        })
        .where('id', '=', m.id)
        .execute();
    }
    deps.bus.emit({ event: 'changed', payload: { entity: 'message', id: m.id, customerId: m.customer_id } });
  }
  return { sent, failed };
}
