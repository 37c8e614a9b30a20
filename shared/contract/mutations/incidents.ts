import { z } from 'zod';
import { CaseCategory, Id, UtcTime } from '../../domain/values';

const Fields = z.object({
  title: z.string().min(1).max(120),
  description: z.string().min(1).max(2000),
  categories: z.array(CaseCategory).min(1).max(8),
  guidance: z.string().min(1).max(1000),
  startsAt: UtcTime,
  endsAt: UtcTime.nullable(),
});

/** Incident writes; "end now" is resolved to the host's time before minting. */
export const incidentMutations = {
  'incidents.create': Fields.extend({ id: Id, at: UtcTime }),
  'incidents.update': Fields.partial().extend({ id: Id, at: UtcTime }),
} as const;
