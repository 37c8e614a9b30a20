import { z } from 'zod';
import { Incident } from '../../domain/brief';
import { CaseCategory, Id, IsoTime, Text } from '../../domain/values';
import { ANY_ROLE, LEADS, procedure } from '../spec';

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

/** Known incidents (an outage, a billing fault) and the guidance agents give while they last. */
export const incidentProcedures = {
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
} as const;
