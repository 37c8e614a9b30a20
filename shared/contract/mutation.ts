import { z } from 'zod';

/**
 * A write, as it travels: minted where the agent acted, applied once everywhere it lands.
 * `args` are fully resolved (new ids, case numbers, times) so that replaying gives the same rows.
 */
export const Mutation = z.object({
  id: z.uuid(),
  clientId: z.string().min(1).max(100),
  seq: z.number().int().nonnegative(),
  name: z.string().min(1).max(100),
  args: z.unknown(),
  at: z.iso.datetime({ offset: true }),
  actor: z.uuid(),
  policyVersion: z.string().nullable(),
  /**
   * sha256 of the procedure and input this write was made for. A retry of the same request mints
   * fresh args (new ids, a new time) under the same id; this is how it is told apart from a
   * different request that reuses the id.
   */
  request: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type Mutation = z.infer<typeof Mutation>;
