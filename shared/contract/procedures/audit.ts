import { z } from 'zod';
import { AuditReport } from '../../domain/entities';
import { LEADS, procedure } from '../spec';

/** The hash-chained audit log, checked end to end. */
export const auditProcedures = {
  'audit.verify': procedure({
    kind: 'query',
    roles: LEADS,
    input: z.object({}).strict(),
    output: AuditReport,
  }),
} as const;
