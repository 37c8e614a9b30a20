import { z } from 'zod';
import {
  Agent,
  AuditReport,
  CaseDetail,
  CaseSummary,
  Contact,
  Customer,
  CustomerSummary,
  HistoryItem,
  Note,
} from '../domain/entities';
import {
  CaseCategory,
  CasePriority,
  Channel,
  Direction,
  Id,
  IsoTime,
  NOTE_MAX_CHARS,
  PhoneInput,
  type Role,
  Text,
  Tier,
} from '../domain/values';

export type ProcedureKind = 'query' | 'mutation';

export interface ProcedureSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: ProcedureKind;
  /** Roles allowed to call it; checked by every host before core runs. */
  roles: readonly Role[];
  input: I;
  output: O;
}

const ANY_ROLE = ['agent', 'supervisor', 'admin'] as const;
const LEADS = ['supervisor', 'admin'] as const;

function procedure<I extends z.ZodType, O extends z.ZodType>(spec: ProcedureSpec<I, O>): ProcedureSpec<I, O> {
  return spec;
}

/**
 * The API contract: one map from procedure name to its input, output, kind and roles.
 * The desktop (IPC) and the browser (HTTP) serve exactly this map; core implements it once.
 */
export const procedures = {
  'session.me': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({}).strict(),
    output: Agent,
  }),
  'customers.lookup': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({ phone: PhoneInput }).strict(),
    output: z.object({ phone: z.string(), customer: CustomerSummary.nullable() }),
  }),
  'customers.get': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({ id: Id }).strict(),
    output: Customer,
  }),
  'customers.create': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z.object({ name: Text(80), phone: PhoneInput, tier: Tier.default('standard') }).strict(),
    output: Customer,
  }),
  'customers.history': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z
      .object({
        customerId: Id,
        cursor: z.string().max(200).nullish(),
        limit: z.number().int().min(1).max(100).default(30),
      })
      .strict(),
    output: z.object({ items: z.array(HistoryItem), nextCursor: z.string().nullable() }),
  }),
  'cases.get': procedure({
    kind: 'query',
    roles: ANY_ROLE,
    input: z.object({ id: Id }).strict(),
    output: CaseDetail,
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
      })
      .strict(),
    output: CaseSummary,
  }),
  'contacts.log': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z
      .object({
        customerId: Id,
        caseIds: z.array(Id).max(10).default([]),
        channel: Channel.default('phone'),
        direction: Direction.default('inbound'),
        startedAt: IsoTime.optional(),
        note: Text(NOTE_MAX_CHARS).optional(),
      })
      .strict(),
    output: Contact,
  }),
  'notes.add': procedure({
    kind: 'mutation',
    roles: ANY_ROLE,
    input: z.object({ caseId: Id, body: Text(NOTE_MAX_CHARS) }).strict(),
    output: Note,
  }),
  'audit.verify': procedure({
    kind: 'query',
    roles: LEADS,
    input: z.object({}).strict(),
    output: AuditReport,
  }),
} as const;

export type Procedures = typeof procedures;
export type ProcedureName = keyof Procedures;
/** What a caller passes (before defaults and normalisation). */
export type ProcedureInput<P extends ProcedureName> = z.input<Procedures[P]['input']>;
/** What core receives (after the contract parsed it). */
export type ParsedInput<P extends ProcedureName> = z.output<Procedures[P]['input']>;
export type ProcedureOutput<P extends ProcedureName> = z.output<Procedures[P]['output']>;

export const procedureNames = Object.keys(procedures) as ProcedureName[];

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(procedures, name);
}
