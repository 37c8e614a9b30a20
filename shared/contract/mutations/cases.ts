import { z } from 'zod';
import { CaseCategory, CasePriority, CaseStatus, Id, UtcTime, Level } from '../../domain/values';
import { ClosingMessages } from './surveys';

/** Case writes: the case number is allocated before the mutation is minted, so a replay reuses it. */
export const caseMutations = {
  'cases.create': z.object({
    id: Id,
    number: z.string().min(3).max(20),
    customerId: Id,
    title: z.string().min(1).max(120),
    category: CaseCategory,
    priority: CasePriority,
    level: Level,
    /** A conduct complaint: the contact it is about, and the level-2 escalation it raises. */
    complaint: z.object({ contactId: Id, escalationId: Id }).optional(),
    at: UtcTime,
  }),
  /** Field changes against the version the agent saw; a stale version is a conflict. */
  'cases.update': z.object({
    id: Id,
    version: z.number().int().positive(),
    title: z.string().min(1).max(120).optional(),
    category: CaseCategory.optional(),
    priority: CasePriority.optional(),
    status: CaseStatus.optional(),
    /** Resolving the case queues these (closing summary and survey). */
    closing: ClosingMessages.optional(),
    at: UtcTime,
  }),
} as const;
