import { z } from 'zod';
import { Brief, CaseView, Incident, PinnedFact, SearchResults } from '../../domain/brief';
import { CaseSummary, Contact } from '../../domain/entities';
import { CaseCategory, CasePriority, CaseStatus, Id, IsoTime, Text } from '../../domain/values';
import { ANY_ROLE, LEADS, procedure } from '../spec';

export const FACT_MAX_CHARS = 200;
/** A draft may run past the note limit: the agent is told, and nothing typed is thrown away. */
export const DRAFT_MAX_CHARS = 200_000;

const IncidentFields = z.object({
  title: Text(120),
  description: Text(2000),
  categories: z.array(CaseCategory).min(1, 'required').max(8),
  guidance: Text(1000),
  startsAt: IsoTime,
  endsAt: IsoTime.nullable().default(null),
});

const endsAfterStart = (v: { startsAt?: string; endsAt?: string | null }) =>
  !v.startsAt || !v.endsAt || Date.parse(v.endsAt) > Date.parse(v.startsAt);

/** The customer brief, cases, pinned facts, known incidents, search and drafts. */
export const briefProcedures = {
  'customers.brief': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({ customerId: Id }).strict(),
    output: Brief,
  }),
  'cases.get': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({ id: Id }).strict(),
    output: CaseView,
  }),
  'cases.update': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z
      .object({
        id: Id,
        /** The version the agent was looking at; a stale one is a conflict, never a silent overwrite. */
        version: z.number().int().positive(),
        title: Text(120).optional(),
        category: CaseCategory.optional(),
        priority: CasePriority.optional(),
        status: CaseStatus.optional(),
      })
      .strict()
      .refine((v) => v.title !== undefined || v.category !== undefined || v.priority !== undefined || v.status !== undefined, {
        message: 'nothing_to_change',
      }),
    output: CaseSummary,
  }),
  'contacts.link': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z.object({ contactId: Id, caseIds: z.array(Id).min(1, 'required').max(10) }).strict(),
    output: Contact,
  }),
  'facts.pin': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z
      .object({
        customerId: Id,
        caseId: Id.optional(),
        noteId: Id.optional(),
        text: Text(FACT_MAX_CHARS).optional(),
      })
      .strict()
      .refine((v) => (v.noteId === undefined) !== (v.text === undefined), { message: 'note_or_text', path: ['text'] }),
    output: PinnedFact,
  }),
  'facts.unpin': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z.object({ id: Id }).strict(),
    output: z.object({ id: Id }),
  }),
  'incidents.create': procedure({
    kind: 'mutation',
    roles: LEADS,
    input: IncidentFields.strict().refine(endsAfterStart, { message: 'ends_before_start', path: ['endsAt'] }),
    output: Incident,
  }),
  'incidents.update': procedure({
    kind: 'mutation',
    roles: LEADS,
    // No default for endsAt here: a change of title must not quietly reopen an ended incident.
    input: IncidentFields.extend({ endsAt: IsoTime.nullable() })
      .partial()
      .extend({
        id: Id,
        /** End it at the host's "now": the desk's own clock may be off, and the host's is the record's. */
        endNow: z.literal(true).optional(),
      })
      .strict()
      .refine(endsAfterStart, { message: 'ends_before_start', path: ['endsAt'] })
      .refine((v) => !(v.endNow && v.endsAt !== undefined), { message: 'end_now_or_time', path: ['endsAt'] }),
    output: Incident,
  }),
  'incidents.list': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({ activeOnly: z.boolean().default(false) }).strict(),
    output: z.array(Incident),
  }),
  'search.global': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({ q: z.string().max(200, 'too_long'), limit: z.number().int().min(1).max(50).default(10) }).strict(),
    output: SearchResults,
  }),
  'drafts.get': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({ caseId: Id }).strict(),
    output: z.object({ body: z.string(), updatedAt: IsoTime }).nullable(),
  }),
  /** Which of a customer's cases hold a draft of the caller's, and when each was last saved: one call at screen pop. */
  'drafts.forCustomer': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({ customerId: Id }).strict(),
    output: z.array(z.object({ caseId: Id, updatedAt: IsoTime })),
  }),
  'drafts.save': procedure({
    kind: 'local',
    roles: ANY_ROLE,
    input: z.object({ caseId: Id, body: z.string().max(DRAFT_MAX_CHARS, 'too_long') }).strict(),
    output: z.object({ updatedAt: IsoTime, tooLongForNote: z.boolean() }),
  }),
} as const;
