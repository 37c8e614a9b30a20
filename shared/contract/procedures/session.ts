import { z } from 'zod';
import { Agent } from '../../domain/entities';
import { ANY_ROLE, procedure } from '../spec';

/** Who is at this desk. */
export const sessionProcedures = {
  'session.me': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({}).strict(),
    output: Agent,
  }),
} as const;
