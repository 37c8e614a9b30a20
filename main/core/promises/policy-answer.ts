import type { Offer, OfferKind, PolicyAnswer, PolicyFacts, Sla, SuppliedFacts } from '../../../shared';
import type { Policy } from '../../policy';

type RemedyRow = Omit<Offer, 'ruleId' | 'authorityLimit'>;
export type Authority = Record<OfferKind, number> & { canApprove: boolean };
interface Trigger {
  level: number;
  reason: string;
}

/** The caller's limits, from the authority table. */
export async function authorityFor(policy: Policy, role: string): Promise<{ authority: Authority; ruleIds: string[] }> {
  const answer = await policy.evaluate<Authority | null>('authority', { role });
  if (!answer.result)
    return { authority: { extension: 0, conversion: 0, refund: 0, goodwill: 0, canApprove: false }, ruleIds: answer.ruleIds };
  return { authority: answer.result, ruleIds: answer.ruleIds };
}

/**
 * Runs every table over the facts. Offers above the caller's own authority become
 * "needs approval"; the answer carries the bundle version and every rule that fired.
 */
export async function answerPolicy(policy: Policy, facts: PolicyFacts, supplied: SuppliedFacts = {}): Promise<PolicyAnswer> {
  const [sla, remedies, escalation, { authority, ruleIds: authorityRules }] = await Promise.all([
    policy.evaluate<Sla>('sla', facts),
    policy.evaluate<RemedyRow[]>('remedies', facts),
    policy.evaluate<Trigger[]>('escalation', facts),
    authorityFor(policy, facts.role),
  ]);
  const offers: Offer[] = remedies.result.map((row, i) => {
    const authorityLimit = authority[row.offer] ?? 0;
    const aboveAuthority = row.status === 'allowed' && row.limit > authorityLimit;
    const approvable = row.status === 'needs_approval' && authority.canApprove && row.limit <= authorityLimit;
    return {
      ...row,
      status: aboveAuthority ? 'needs_approval' : approvable ? 'allowed' : row.status,
      ruleId: remedies.ruleIds[i] ?? '',
      authorityLimit,
    };
  });
  const triggers = escalation.result ?? [];
  return {
    bundleVersion: policy.version,
    facts,
    sla: sla.result,
    offers,
    escalation: { escalate: triggers.some((t) => t.level >= 2), level: Math.max(1, ...triggers.map((t) => t.level)), triggers },
    ruleIds: { sla: sla.ruleIds, remedies: remedies.ruleIds, escalation: escalation.ruleIds, authority: authorityRules },
    supplied,
  };
}
