import { z } from 'zod';
import { Id, UtcTime } from '../../domain/values';

/**
 * A published bundle as it travels: the tables already parsed (a file name → its JDM graph) and the
 * version they hash to. Every replica that applies it validates and compiles the tables again.
 */
export const policyMutations = {
  'policy.publish': z.object({
    id: Id,
    version: z.string().regex(/^[0-9a-f]{64}$/),
    tables: z.record(z.string().min(1).max(64), z.record(z.string(), z.unknown())),
    note: z.string().min(1).max(500),
    at: UtcTime,
  }),
} as const;
