import { z } from 'zod';
import { Id, Role } from '../../domain/values';

/** The agents a desk or the server knows (demo seeding and, later, the directory). */
export const sessionMutations = {
  'agents.upsert': z.object({
    id: Id,
    employeeNo: z.string().min(1).max(20),
    name: z.string().min(1).max(80),
    role: Role,
    /** Left as it is when omitted. */
    team: z.string().max(40).nullable().optional(),
  }),
} as const;
