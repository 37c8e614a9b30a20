import { z } from 'zod';
import { Entity } from '../contract/events';
import { AgentRef, CaseRef } from './entities';
import { Id, IsoTime } from './values';

/**
 * One value an audit row recorded. `changed`: the write recorded the old and the new value (case and
 * customer fields, a commitment's due time). `recorded`: only what was written is known — the write
 * did not record what was there before (see docs/SECURITY.md, "The audit trail").
 */
export const AuditChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('changed'), field: z.string(), from: z.unknown(), to: z.unknown() }),
  z.object({ kind: z.literal('recorded'), field: z.string(), value: z.unknown() }),
]);
export type AuditChange = z.infer<typeof AuditChange>;

/** One row of the audit chain as a person reads it: who, what (the mutation's name), when, on what, old → new. */
export const AuditEntry = z.object({
  /** The row's position in the chain. */
  seq: z.number().int().positive(),
  at: IsoTime,
  actor: AgentRef,
  /** The mutation's name, e.g. `cases.update`; the screen puts it in words. */
  action: z.string(),
  entity: Entity.or(z.string()),
  entityId: z.string(),
  mutationId: z.string(),
  changes: z.array(AuditChange),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

const AuditPageFields = {
  /** Newest first. */
  entries: z.array(AuditEntry),
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: z.number().int().positive().nullable(),
};

export const CaseAuditPage = z.object({ case: CaseRef.extend({ customerId: Id }), ...AuditPageFields });
export type CaseAuditPage = z.infer<typeof CaseAuditPage>;

export const PersonAuditPage = z.object({ person: AgentRef, ...AuditPageFields });
export type PersonAuditPage = z.infer<typeof PersonAuditPage>;

export const AUDIT_PAGE_MAX = 100;
/** Paging of an audit list: at most `limit` rows older than chain position `before`. */
export const AuditPaging = {
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).optional(),
};
