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
});
export type Mutation = z.infer<typeof Mutation>;
