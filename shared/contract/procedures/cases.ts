import { z } from 'zod';
import { CaseView } from '../../domain/brief';
import { CaseSummary } from '../../domain/entities';
import { CaseCategory, CasePriority, CaseStatus, Id, Text } from '../../domain/values';
import { ANY_ROLE, procedure } from '../spec';
import { Locale } from './promises';

/** Cases: open one, read it whole, change its fields against the version the agent saw. */
export const caseProcedures = {
  'cases.get': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({ id: Id }).strict(),
    output: CaseView,
  }),
  'cases.create': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z
      .object({
        customerId: Id,
        title: Text(120),
        category: CaseCategory,
        priority: CasePriority.default('normal'),
        /** Required for a conduct complaint (the contact complained about), refused for any other category. */
        aboutContactId: Id.optional(),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.category === 'conduct_complaint' && v.aboutContactId === undefined)
          ctx.addIssue({ code: 'custom', path: ['aboutContactId'], message: 'required' });
        if (v.category !== 'conduct_complaint' && v.aboutContactId !== undefined)
          ctx.addIssue({ code: 'custom', path: ['aboutContactId'], message: 'only_for_conduct_complaint' });
      }),
    output: CaseSummary,
  }),
  'cases.update': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z
      .object({
        id: Id,
        /** The version the agent was looking at; a stale one is a conflict, never a silent overwrite. */
        version: z.number().int().positive(),
        title: Text(120).optional(),
        category: CaseCategory.optional(),
        priority: CasePriority.optional(),
        status: CaseStatus.optional(),
        /** The language of the closing summary and survey sent when this resolves the case. */
        locale: Locale.default('zh-CN'),
      })
      .strict()
      .refine((v) => v.title !== undefined || v.category !== undefined || v.priority !== undefined || v.status !== undefined, {
        message: 'nothing_to_change',
      }),
    output: CaseSummary,
  }),
} as const;
