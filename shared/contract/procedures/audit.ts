import { z } from 'zod';
import { AuditPaging, CaseAuditPage, PersonAuditPage } from '../../domain/audit';
import { AuditReport } from '../../domain/entities';
import { LEADS, procedure } from '../spec';
import { EmployeeNo } from './accounts';

/** The hash-chained audit log: checked end to end, and read per case and per person. */
export const auditProcedures = {
  'audit.verify': procedure({
    kind: 'query',
    roles: LEADS,
    input: z.object({}).strict(),
    output: AuditReport,
  }),
  /**
   * What was done on a case, newest first: the case itself and what hangs on it (notes, calls linked
   * to it and their reviews, commitments, messages, escalations, decisions, pinned facts, surveys).
   * `case` is the case's id or its number (C-1234-5678).
   */
  'audit.forCase': procedure({
    kind: 'query',
    roles: LEADS,
    input: z.object({ case: z.string().trim().min(1, 'required').max(64, 'too_long'), ...AuditPaging }).strict(),
    output: CaseAuditPage,
  }),
  /** What one person did, newest first, by employee number. */
  'audit.forPerson': procedure({
    kind: 'query',
    roles: LEADS,
    input: z.object({ employeeNo: EmployeeNo, ...AuditPaging }).strict(),
    output: PersonAuditPage,
  }),
} as const;
