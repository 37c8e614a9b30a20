import { z } from 'zod';
import { AgentRef } from '../../domain/entities';
import { Id, IsoTime } from '../../domain/values';
import { LEADS, procedure } from '../spec';

/**
 * What the team server kept apart when a desk's write arrived:
 * - `stale_field`: a field changed against an old version (`baseVersion`) that someone else had
 *   changed meanwhile. `theirs` (the value on the server) was kept; `ours` (the desk's) was not
 *   written. Fields nobody else changed were merged as usual.
 * - `policy_changed`: a decision made offline under another policy bundle (`ours`, its version) than
 *   the server's (`theirs`); the server evaluated it again under its own and that answer stands.
 */
export const SyncConflictKind = z.enum(['stale_field', 'policy_changed']);
export type SyncConflictKind = z.infer<typeof SyncConflictKind>;

export const SyncConflict = z.object({
  id: Id,
  kind: SyncConflictKind,
  /** `case`, `customer`, `commitment`, `escalation`. */
  entity: z.string(),
  entityId: z.string(),
  customerId: z.string().nullable(),
  /** The field (`priority`, `name`...) or `policy_version`. */
  field: z.string(),
  baseVersion: z.number().int().nullable(),
  theirs: z.unknown(),
  ours: z.unknown(),
  /** The desk that pushed it, and its person. */
  clientId: z.string(),
  actor: AgentRef,
  mutationId: Id,
  at: IsoTime,
  resolvedAt: IsoTime.nullable(),
});
export type SyncConflict = z.infer<typeof SyncConflict>;

/** Sync conflicts: what supervisors review after desks that worked offline came back. */
export const conflictProcedures = {
  /** Newest first; open ones only unless `status: 'all'`. */
  'conflicts.list': procedure({
    kind: 'query',
    roles: LEADS,
    input: z
      .object({
        status: z.enum(['open', 'all']).default('open'),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.array(SyncConflict),
  }),
} as const;
