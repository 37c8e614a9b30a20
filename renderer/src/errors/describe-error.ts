import type { TFunction } from 'i18next';
import { AppError, type ErrorIssue } from '../../../shared';

const KNOWN_ISSUES = [
  'phone_invalid',
  'phone_taken',
  'required',
  'too_long',
  'not_found',
  'stale_version',
  'nothing_to_change',
  'note_or_text',
  'ends_before_start',
  'due_in_past',
  'negative',
  'whole_number',
  'too_large',
  'above_policy_limit',
  'above_authority',
  'not_allowed_by_policy',
  'sms_too_long',
  'not_open',
  'last_phone',
  'end_now_or_time',
  'malformed_text',
  'invisible',
  'time_out_of_range',
  'offer_mismatch',
  'amount_not_allowed',
  'own_request',
  'not_your_level',
  'not_owner',
  'reschedule_limit',
  'reschedule_too_far',
  'mutation_id_reused',
  'approval_used',
  'own_contact',
  'already_reviewed',
  'every_item_once',
  'score_range',
  'from_after_to',
  'range_too_long',
] as const;
export type KnownIssue = (typeof KNOWN_ISSUES)[number];

const KNOWN_FIELDS = [
  'name',
  'phone',
  'title',
  'body',
  'caseId',
  'customerId',
  'caseIds',
  'contactId',
  'noteId',
  'text',
  'description',
  'guidance',
  'categories',
  'startsAt',
  'endsAt',
  'q',
  'input',
  'wording',
  'dueAt',
  'amount',
  'fromOffer',
  'offer',
  'reason',
  'kind',
  'supplied',
  'label',
  'version',
  'startedAt',
  'id',
  'items',
  'comment',
] as const;
export type KnownField = (typeof KNOWN_FIELDS)[number];

/** What a form calls its fields where the shared name would mislead ("title" of an incident is not a case title). */
export type FieldLabels = Partial<Record<KnownField, string>>;

export function isKnownIssue(message: string): message is KnownIssue {
  return (KNOWN_ISSUES as readonly string[]).includes(message);
}

export function fieldOf(path: string): KnownField {
  const head = path.split('.')[0] ?? '';
  return (KNOWN_FIELDS as readonly string[]).includes(head) ? (head as KnownField) : 'input';
}

/** The escalation workflow's refusals, worded in their own catalog (escalation-flow.*.ts). */
const FLOW_ISSUES = ['invalid_state', 'invalid_level', 'taken_by_other', 'not_their_level', 'same_owner'] as const;
type FlowIssue = (typeof FLOW_ISSUES)[number];

function describeIssue(issue: ErrorIssue, t: TFunction, labels: FieldLabels): string | null {
  if ((FLOW_ISSUES as readonly string[]).includes(issue.message)) return t(`escalationFlow.issue.${issue.message as FlowIssue}`);
  if (!isKnownIssue(issue.message)) return null;
  const field = fieldOf(issue.path);
  return t(`issue.${issue.message}`, { field: labels[field] ?? t(`field.${field}`) });
}

/**
 * A failure in words a person understands: the specific issue when the host named one we know,
 * otherwise the sentence for the error code. Raw host messages are never shown; they are English
 * and written for developers.
 */
export function describeError(error: unknown, t: TFunction, labels: FieldLabels = {}): string {
  if (!(error instanceof AppError)) return t('error.internal');
  const specific = (error.issues ?? []).map((issue) => describeIssue(issue, t, labels)).filter((s): s is string => s !== null);
  if (specific.length > 0) return [...new Set(specific)].join(' ');
  return t(`error.${error.code}`);
}

/** True when the host refused a phone number as malformed. */
export function isPhoneInvalid(error: unknown): boolean {
  return hasIssue(error, 'phone_invalid');
}

/** True when a write was refused because someone else changed the record first. */
export function isStaleVersion(error: unknown): boolean {
  return error instanceof AppError && error.code === 'conflict' && hasIssue(error, 'stale_version');
}

function hasIssue(error: unknown, message: string): boolean {
  return error instanceof AppError && (error.issues ?? []).some((i) => i.message === message);
}

/** The field paths an error names, so a form can mark the inputs at fault. */
export function fieldsAtFault(error: unknown): Set<string> {
  if (!(error instanceof AppError)) return new Set();
  return new Set((error.issues ?? []).map((i) => i.path.split('.')[0] ?? ''));
}
