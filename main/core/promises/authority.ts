import type { Kysely } from 'kysely';
import {
  type Agent,
  AppError,
  type CommitmentKind,
  LEVEL_WORKERS,
  type OfferKind,
  type PolicyAnswer,
  type Role,
  type SuppliedFacts,
  TOP_LEVEL,
  worksLevel,
} from '../../../shared';
import type { DB } from '../../db';
import type { Policy } from '../../policy';
import type { ApplyEnv } from '../mutations/types';
import { answerPolicy, authorityFor } from './policy-answer';
import { gatherFacts } from './policy-facts';

/*
 * The authority rules, applied inside the write transaction of the mutation they guard, against
 * the rows as they stand there. Whatever a caller sends, these hold:
 * - the actor is the mutation's, which hosts take from the session;
 * - a grant is checked against the offer of its own kind, and other kinds carry no amount;
 * - grants of one offer on one case add up against the policy limit and the granter's authority;
 * - facts on record win over supplied ones (see gatherFacts);
 * - nobody decides their own request, and the decider's authority must cover what is approved;
 * - a commitment is settled or moved only by its owner or by those who supervise it.
 */

const GRANT_KINDS: ReadonlySet<string> = new Set<OfferKind>(['extension', 'conversion', 'refund', 'goodwill']);
/** Who may settle or move a commitment that is not their own. */
const OVERSEERS: ReadonlySet<Role> = new Set<Role>(['supervisor', 'complaint_centre']);

function refuse(code: 'forbidden' | 'invalid_input' | 'conflict', message: string, path: string, issue: string): never {
  throw new AppError(code, message, [{ path, message: issue }]);
}

/** The acting person as the record has them; a mutation from nobody the record knows is refused. */
export async function actorOf(trx: Kysely<DB>, id: string): Promise<Agent> {
  const row = await trx.selectFrom('agents').select(['id', 'employee_no', 'name', 'role']).where('id', '=', id).executeTakeFirst();
  if (!row) refuse('forbidden', 'This write names nobody this console knows.', 'actor', 'unknown_actor');
  return { id: row.id, employeeNo: row.employee_no, name: row.name, role: row.role as Role };
}

/** The policy answer for a case as `role` would get it, read inside the transaction. */
export async function answerIn(
  trx: Kysely<DB>,
  env: ApplyEnv,
  caseId: string,
  role: Role,
  offered: SuppliedFacts = {},
): Promise<PolicyAnswer> {
  const { facts, supplied } = await gatherFacts(trx, env.now, caseId, role, offered);
  return answerPolicy(env.policy, facts, supplied);
}

/**
 * The offer a commitment grants: its own kind when that kind is a grant, and nothing otherwise.
 * Naming another offer than the kind, an amount on a kind that grants nothing, or a grant without
 * an amount are refused.
 */
export function grantOf(kind: CommitmentKind, fromOffer: OfferKind | null, amount: number | null): OfferKind | null {
  const grant = GRANT_KINDS.has(kind) ? (kind as OfferKind) : null;
  if (fromOffer !== null && fromOffer !== grant)
    refuse('forbidden', `A ${kind} commitment cannot be made under the ${fromOffer} offer.`, 'fromOffer', 'offer_mismatch');
  if (grant === null && amount !== null) refuse('invalid_input', `A ${kind} commitment carries no amount.`, 'amount', 'amount_not_allowed');
  if (grant !== null && amount === null) refuse('invalid_input', 'Say how much (yuan, or days for an extension).', 'amount', 'required');
  return grant;
}

/** What is already granted of `offer` on a case: open and kept commitments of that kind. */
export async function grantedSoFar(trx: Kysely<DB>, caseId: string, offer: OfferKind): Promise<number> {
  const row = await trx
    .selectFrom('commitments')
    .select((eb) => eb.fn.sum<number | string | null>('amount').as('total'))
    .where('case_id', '=', caseId)
    .where('kind', '=', offer)
    .where('status', 'in', ['open', 'kept'])
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/** Refuses `amount` more of `offer` when policy does not allow it or the case's total would pass its limit. */
export function withinPolicy(answer: PolicyAnswer, offer: OfferKind, amount: number, before: number): void {
  const rule = answer.offers.find((o) => o.offer === offer);
  if (!rule || (rule.status === 'not_allowed' && amount > 0))
    refuse('forbidden', `Policy does not allow ${offer} on this case.`, 'fromOffer', 'not_allowed_by_policy');
  if (before + amount > rule.limit)
    refuse(
      'forbidden',
      before > 0
        ? `${before} of ${offer} is already granted on this case; ${amount} more would pass the policy limit of ${rule.limit}.`
        : `${amount} is above the policy limit of ${rule.limit} for ${offer}.`,
      'amount',
      'above_policy_limit',
    );
}

/**
 * Checks a grant of `amount` of `offer` on a case by `actor`: within policy (counting what is
 * already granted), and within the actor's own authority or covered by an approved escalation
 * whose decider's authority covers the case's new total. Returns the escalation to use up, if any.
 */
export async function checkGrant(
  trx: Kysely<DB>,
  policy: Policy,
  answer: PolicyAnswer,
  grant: { caseId: string; offer: OfferKind; amount: number },
): Promise<string | null> {
  const before = await grantedSoFar(trx, grant.caseId, grant.offer);
  withinPolicy(answer, grant.offer, grant.amount, before);
  const total = before + grant.amount;
  const rule = answer.offers.find((o) => o.offer === grant.offer)!;
  if (rule.status === 'allowed' && total <= rule.authorityLimit) return null;
  const approvals = await trx
    .selectFrom('escalations')
    .innerJoin('agents', 'agents.id', 'escalations.decided_by')
    .select(['escalations.id', 'agents.role'])
    .where('escalations.case_id', '=', grant.caseId)
    .where('escalations.offer', '=', grant.offer)
    .where('escalations.status', '=', 'approved')
    .where('escalations.amount', '>=', grant.amount)
    .orderBy('escalations.decided_at', 'desc')
    .orderBy('escalations.id', 'desc')
    .execute();
  for (const approval of approvals) {
    const { authority } = await authorityFor(policy, approval.role);
    if (authority[grant.offer] >= total) return approval.id;
  }
  return refuse(
    'forbidden',
    `Granting ${grant.amount} of ${grant.offer} needs a supervisor's approval first (your limit is ${rule.authorityLimit}` +
      (before > 0 ? `, and ${before} is already granted on this case).` : ').'),
    'amount',
    'above_authority',
  );
}

/** Refuses a decider who raised the request, or whose role does not decide at the escalation's level. */
export function mayDecide(decider: Agent, escalation: { raised_by: string; level: number }): void {
  if (decider.id === escalation.raised_by)
    refuse('forbidden', 'Nobody decides their own request; another supervisor must.', 'id', 'own_request');
  // A decision is a lead's: at least level 2's people, whatever level the escalation was stepped down to.
  const level = Math.max(escalation.level, 2);
  if (!worksLevel(decider.role, level))
    refuse(
      'forbidden',
      `An escalation at level ${level} is decided by ${[...LEVEL_WORKERS[Math.min(level, TOP_LEVEL)]!].join(' or ')}.`,
      'id',
      'not_your_level',
    );
}

/** Refuses settling or moving a commitment by anyone but its owner or those who oversee it. */
export function mayHandleCommitment(actor: Agent, ownerId: string): void {
  if (actor.id !== ownerId && !OVERSEERS.has(actor.role))
    refuse('forbidden', "Only the commitment's owner, a supervisor or the complaint centre may change it.", 'id', 'not_owner');
}
