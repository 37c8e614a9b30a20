import { newId } from '../../../shared';
import type { CoreDeps } from '../context';
import { commit } from '../procedure-kit';
import { getAgent } from '../session/agents';
import { SYSTEM_AGENT } from '../session/system-agent';
import { decisionRecord, evaluateCase } from './commands';

const HOUR = 3_600_000;

export interface ClockTick {
  alerted: string[];
  broken: string[];
}

/**
 * One turn of the commitment clock at deps.now(): owners are alerted when a commitment falls due;
 * past its grace period (from the sla table) it is marked broken and escalated per the escalation
 * table. Idempotent: a second tick at the same time changes nothing. Hosts run it on a timer;
 * tests move the injected clock and call it.
 */
export async function tickCommitments(deps: CoreDeps): Promise<ClockTick> {
  const now = deps.now();
  const nowIso = now.toISOString();
  const due = await deps.db
    .selectFrom('commitments')
    .selectAll()
    .where('status', '=', 'open')
    .where('due_at', '<=', nowIso)
    .orderBy('due_at')
    .orderBy('id')
    .execute();
  const actor = { actor: SYSTEM_AGENT };
  const tick: ClockTick = { alerted: [], broken: [] };

  for (const c of due) {
    if (!c.alerted_at) {
      const { applied } = await commit(deps, actor, 'commitments.alert', { id: c.id, at: nowIso });
      if (applied) {
        tick.alerted.push(c.id);
        deps.bus.emit({
          event: 'alert',
          payload: {
            kind: 'commitment_due',
            commitmentId: c.id,
            ownerId: c.owner_id,
            caseId: c.case_id,
            customerId: c.customer_id,
            wording: c.wording,
            dueAt: c.due_at,
          },
        });
      }
    }
    if (Date.parse(c.due_at) + c.grace_hours * HOUR > now.getTime()) continue;

    // Evaluated as the commitment's owner (so the recorded offers are what that agent may grant, not
    // the system's), and as if this commitment were already broken, so the escalation table sees it.
    const owner = await getAgent(deps.db, c.owner_id).catch(() => SYSTEM_AGENT);
    const answer = await evaluateCase(deps, c.case_id, owner);
    const facts = {
      ...answer.facts,
      brokenPromises: answer.facts.brokenPromises + 1,
      overduePromises: Math.max(0, answer.facts.overduePromises - 1),
    };
    const escalation = (await deps.policy.evaluate<{ level: number; reason: string }[]>('escalation', facts)).result ?? [];
    const top = escalation.reduce((best, t) => (t.level > best.level ? t : best), { level: 2, reason: 'broken_commitment' });
    const { applied } = await commit(deps, actor, 'commitments.break', {
      id: c.id,
      escalation: { id: newId(), level: top.level, reason: top.reason, detail: c.wording },
      decision: decisionRecord(c.case_id, c.customer_id, { ...answer, facts }, 'commitment.broken'),
      at: nowIso,
    });
    if (applied) {
      tick.broken.push(c.id);
      deps.bus.emit({
        event: 'alert',
        payload: {
          kind: 'commitment_broken',
          commitmentId: c.id,
          ownerId: c.owner_id,
          caseId: c.case_id,
          customerId: c.customer_id,
          wording: c.wording,
          dueAt: c.due_at,
        },
      });
    }
  }
  return tick;
}
