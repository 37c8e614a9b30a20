import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Agent, type MutationArgs, type Mutation, newId } from '../../../shared';
import type { DB } from '../../db';
import type { CoreDeps } from '../context';
import type { Effect } from '../mutations/types';
import { caseParty } from '../promises/commands';
import { type ClosingLocale, renderClosingSummary, renderSurvey } from './templates';

const DONE: ReadonlySet<string> = new Set(['resolved', 'closed']);

export const isDone = (status: string) => DONE.has(status);

const TOKEN_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'; // no 0/O, 1/I/L: read aloud on a call

/** A survey token: 10 characters (~49 bits), unguessable, and easy to read out over the phone. */
export function surveyToken(): string {
  return [...randomBytes(10)].map((b) => TOKEN_ALPHABET[b % TOKEN_ALPHABET.length]).join('');
}

type Closing = NonNullable<MutationArgs<'cases.update'>['closing']>;

/**
 * What resolving a case will send, composed before the mutation is minted (so every replica queues
 * the same words): the closing summary with the promises kept, and the survey with a fresh token.
 * Nothing when the update does not move an open case to resolved or closed.
 */
export async function composeClosing(
  deps: CoreDeps,
  caseId: string,
  status: string | undefined,
  locale: ClosingLocale,
  actor: Agent,
): Promise<Closing | undefined> {
  if (status === undefined || !isDone(status)) return undefined;
  const current = await deps.db.selectFrom('cases').select('status').where('id', '=', caseId).executeTakeFirst();
  if (!current || isDone(current.status)) return undefined;
  const party = await caseParty(deps, caseId);
  const [title, kept] = await Promise.all([
    deps.db.selectFrom('cases').select('title').where('id', '=', caseId).executeTakeFirstOrThrow(),
    deps.db
      .selectFrom('commitments')
      .select('wording')
      .where('case_id', '=', caseId)
      .where('status', '=', 'kept')
      .orderBy('created_at')
      .execute(),
  ]);
  const facts = {
    customerName: party.customerName,
    caseNumber: party.caseNumber,
    title: title.title,
    kept: kept.map((k) => k.wording),
    employeeNo: actor.employeeNo,
  };
  const token = surveyToken();
  return {
    summary: { id: newId(), template: 'case_closing', locale, to: party.phone, body: renderClosingSummary(locale, facts) },
    survey: { id: newId(), template: 'case_survey', locale, to: party.phone, body: renderSurvey(locale, facts, token) },
    surveyId: newId(),
    token,
  };
}

function queued(message: Closing['summary'], caseId: string, customerId: string, at: string): DB['messages'] {
  return {
    id: message.id,
    case_id: caseId,
    customer_id: customerId,
    commitment_id: null,
    template: message.template,
    locale: message.locale,
    to_phone: message.to,
    body: message.body,
    status: 'queued',
    gateway: null,
    attempts: 0,
    next_attempt_at: at,
    last_error: null,
    created_at: at,
    sent_at: null,
  };
}

/**
 * Inside `cases.update`'s transaction, after the fields changed: moving an open case to resolved or
 * closed stamps when and by whom, and queues the closing summary and the survey; moving it back to an
 * open status clears the stamp. Resolved → closed keeps the first stamp and sends nothing more.
 */
export async function applyClosing(
  trx: Kysely<DB>,
  args: MutationArgs<'cases.update'>,
  before: { status: string; customer_id: string },
  m: Mutation,
): Promise<Effect[]> {
  if (args.status === undefined || args.status === before.status) return [];
  const wasDone = isDone(before.status);
  const nowDone = isDone(args.status);
  if (wasDone && !nowDone) {
    await trx.updateTable('cases').set({ resolved_at: null, resolved_by: null }).where('id', '=', args.id).execute();
    return [];
  }
  if (wasDone || !nowDone) return [];
  await trx.updateTable('cases').set({ resolved_at: args.at, resolved_by: m.actor }).where('id', '=', args.id).execute();
  const c = args.closing;
  if (!c) return [];
  await trx
    .insertInto('messages')
    .values(queued(c.summary, args.id, before.customer_id, args.at))
    .execute();
  await trx
    .insertInto('messages')
    .values(queued(c.survey, args.id, before.customer_id, args.at))
    .execute();
  await trx
    .insertInto('surveys')
    .values({
      id: c.surveyId,
      case_id: args.id,
      customer_id: before.customer_id,
      token: c.token,
      message_id: c.survey.id,
      agent_id: m.actor,
      created_at: args.at,
      score: null,
      comment: null,
      answered_at: null,
      answered_via: null,
      answered_by: null,
    })
    .execute();
  return [
    { entity: 'message', id: c.summary.id, customerId: before.customer_id, data: { caseId: args.id, template: c.summary.template } },
    { entity: 'message', id: c.survey.id, customerId: before.customer_id, data: { caseId: args.id, template: c.survey.template } },
    { entity: 'survey', id: c.surveyId, customerId: before.customer_id, data: { caseId: args.id, messageId: c.survey.id } },
  ];
}
