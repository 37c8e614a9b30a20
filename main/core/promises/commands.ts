import {
  type Agent,
  AppError,
  type CommitmentKind,
  newId,
  type OfferKind,
  type PolicyAnswer,
  SMS_MAX_SEGMENTS,
  smsSegments,
  type SuppliedFacts,
} from '../../../shared';
import type { CoreDeps } from '../context';
import { gatherFacts } from './policy-facts';
import { answerPolicy } from './policy-answer';
import { type Locale, renderMessage, type Template } from './templates';

const HOUR = 3_600_000;

export async function evaluateCase(deps: CoreDeps, caseId: string, actor: Agent, supplied: SuppliedFacts = {}): Promise<PolicyAnswer> {
  return answerPolicy(deps.policy, await gatherFacts(deps, caseId, actor, supplied));
}

export function decisionRecord(caseId: string, customerId: string, answer: PolicyAnswer, action: string) {
  return {
    id: newId(),
    caseId,
    customerId,
    bundleVersion: answer.bundleVersion,
    facts: answer.facts,
    answer: { offers: answer.offers, escalation: answer.escalation, sla: answer.sla },
    ruleIds: answer.ruleIds,
    action,
  };
}

interface CaseParty {
  caseId: string;
  caseNumber: string;
  customerId: string;
  customerName: string;
  phone: string;
}

export async function caseParty(deps: CoreDeps, caseId: string): Promise<CaseParty> {
  const row = await deps.db
    .selectFrom('cases')
    .innerJoin('customers', 'customers.id', 'cases.customer_id')
    .select(['cases.id', 'cases.number', 'cases.customer_id', 'customers.name'])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `No case ${caseId}.`, [{ path: 'caseId', message: 'not_found' }]);
  const phone = await deps.db
    .selectFrom('customer_phones')
    .select('e164')
    .where('customer_id', '=', row.customer_id)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return { caseId: row.id, caseNumber: row.number, customerId: row.customer_id, customerName: row.name, phone: phone?.e164 ?? '' };
}

/** Renders a confirmation; refuses (before anything is written) one too long for an SMS. */
export function composeMessage(
  template: Template,
  locale: Locale,
  party: CaseParty,
  wording: string,
  dueAt: string,
  employeeNo: string,
  reason?: string,
) {
  const body = renderMessage(template, locale, {
    customerName: party.customerName,
    caseNumber: party.caseNumber,
    wording,
    dueAt,
    employeeNo,
    ...(reason ? { reason } : {}),
  });
  if (smsSegments(body) > SMS_MAX_SEGMENTS)
    throw new AppError(
      'invalid_input',
      `The confirmation would take ${smsSegments(body)} SMS segments; at most ${SMS_MAX_SEGMENTS} are sent. Shorten the wording.`,
      [{ path: reason ? 'reason' : 'wording', message: 'sms_too_long' }],
    );
  return { id: newId(), template, locale, to: party.phone, body };
}

const GRANTS: ReadonlySet<CommitmentKind> = new Set(['extension', 'conversion', 'refund', 'goodwill']);

/**
 * Checks a grant against policy and authority, in core, whatever the UI did: the offer must be
 * allowed by policy, within its limit, and within the actor's authority or covered by an approved
 * escalation for this case, offer and amount. Returns the id of the approved escalation used, if any.
 */
export async function checkGrant(
  deps: CoreDeps,
  answer: PolicyAnswer,
  caseId: string,
  offer: OfferKind,
  amount: number,
): Promise<string | null> {
  const rule = answer.offers.find((o) => o.offer === offer);
  if (!rule || (rule.status === 'not_allowed' && amount > 0))
    throw new AppError('forbidden', `Policy does not allow ${offer} on this case.`, [
      { path: 'fromOffer', message: 'not_allowed_by_policy' },
    ]);
  if (amount > rule.limit)
    throw new AppError('forbidden', `${amount} is above the policy limit of ${rule.limit} for ${offer}.`, [
      { path: 'amount', message: 'above_policy_limit' },
    ]);
  if (rule.status === 'allowed' && amount <= rule.authorityLimit) return null;
  const approved = await deps.db
    .selectFrom('escalations')
    .select('id')
    .where('case_id', '=', caseId)
    .where('offer', '=', offer)
    .where('status', '=', 'approved')
    .where('amount', '>=', amount)
    .orderBy('decided_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!approved)
    throw new AppError(
      'forbidden',
      `Granting ${amount} for ${offer} needs a supervisor's approval first (your limit is ${rule.authorityLimit}).`,
      [{ path: 'amount', message: 'above_authority' }],
    );
  return approved.id;
}

export function isGrant(kind: CommitmentKind): kind is OfferKind & CommitmentKind {
  return GRANTS.has(kind);
}

/** Default due time from the sla table; a due time in the past is refused. */
/** A due time the agent gave, in canonical form, or a typed error when it is not in the future. */
export function futureDueAt(deps: CoreDeps, dueAt: string): string {
  if (Date.parse(dueAt) <= deps.now().getTime())
    throw new AppError('invalid_input', 'A promise cannot be due in the past.', [{ path: 'dueAt', message: 'due_in_past' }]);
  return new Date(Date.parse(dueAt)).toISOString();
}

export function resolveDueAt(deps: CoreDeps, answer: PolicyAnswer, kind: CommitmentKind, dueAt: string | undefined): string {
  if (dueAt !== undefined) return futureDueAt(deps, dueAt);
  const now = deps.now().getTime();
  const hours = kind === 'callback' ? answer.sla.callbackHours : answer.sla.resolutionHours;
  return new Date(now + hours * HOUR).toISOString();
}
