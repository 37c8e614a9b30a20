import { z } from 'zod';
import { SearchResults } from '../../domain/brief';
import { ANY_ROLE, procedure } from '../spec';

/** One box that finds customers, cases and notes. */
export const searchProcedures = {
  'search.global': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({ q: z.string().max(200, 'too_long'), limit: z.number().int().min(1).max(50).default(10) }).strict(),
    output: SearchResults,
  }),
} as const;
