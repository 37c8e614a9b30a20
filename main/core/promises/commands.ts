import {
  type Agent,
  AppError,
  type CommitmentKind,
  newId,
  type PolicyAnswer,
  SMS_MAX_SEGMENTS,
  smsSegments,
  type SuppliedFacts,
} from '../../../shared';
import type { CoreDeps } from '../context';
import { around, boundedTime, HORIZON_MS } from '../time-bounds';
import { gatherFacts } from './policy-facts';
import { answerPolicy } from './policy-answer';
import { type Locale, renderMessage, type Template } from './templates';

const HOUR = 3_600_000;

export async function evaluateCase(deps: CoreDeps, caseId: string, actor: Agent, offered: SuppliedFacts = {}): Promise<PolicyAnswer> {
  const { facts, supplied } = await gatherFacts(deps.db, deps.now(), caseId, actor.role, offered);
  return answerPolicy(deps.policy, facts, supplied);
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

/** A due time the agent gave, in canonical form: refused when not in the future, or more than the horizon ahead. */
export function futureDueAt(deps: CoreDeps, dueAt: string): string {
  if (Date.parse(dueAt) <= deps.now().getTime())
    throw new AppError('invalid_input', 'A promise cannot be due in the past.', [{ path: 'dueAt', message: 'due_in_past' }]);
  return boundedTime(dueAt, around(deps.now(), 0, HORIZON_MS), 'dueAt');
}

export function resolveDueAt(deps: CoreDeps, answer: PolicyAnswer, kind: CommitmentKind, dueAt: string | undefined): string {
  if (dueAt !== undefined) return futureDueAt(deps, dueAt);
  const now = deps.now().getTime();
  const hours = kind === 'callback' ? answer.sla.callbackHours : answer.sla.resolutionHours;
  return new Date(now + hours * HOUR).toISOString();
}
