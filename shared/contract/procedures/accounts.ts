import { z } from 'zod';
import { Id, IsoTime, Role } from '../../domain/values';
import { ADMINS, procedure } from '../spec';

/** Shortest password an account may have; see `passwordProblem` for what else makes one weak. */
export const PASSWORD_MIN_CHARS = 10;
export const PASSWORD_MAX_CHARS = 200;

export const EmployeeNo = z
  .string()
  .trim()
  .regex(/^\d{1,20}$/, 'employee_no_invalid');
export const TeamName = z.string().trim().max(40, 'too_long');
/** A new password as typed. Length is checked here; weakness (`password_weak`) in core, which knows the employee number. */
export const NewPassword = z.string().min(PASSWORD_MIN_CHARS, 'password_too_short').max(PASSWORD_MAX_CHARS, 'too_long');

/** A person who may sign in, as an administrator sees them. Never carries a password or its hash. */
export const Account = z.object({
  id: Id,
  employeeNo: z.string(),
  name: z.string(),
  role: Role,
  team: z.string().nullable(),
  disabled: z.boolean(),
  /** Set while too many wrong passwords keep the account locked. */
  lockedUntil: IsoTime.nullable(),
  /** Sessions not yet ended, expired or revoked. */
  activeSessions: z.number().int(),
  createdAt: IsoTime,
});
export type Account = z.infer<typeof Account>;

const AccountRef = z.object({ id: Id });

/** An administrator's procedures: who may sign in, as what. Every change is an audited mutation. */
export const accountProcedures = {
  'accounts.list': procedure({
    kind: 'query',
    roles: ADMINS,
    input: z.object({}).strict(),
    output: z.array(Account),
  }),
  'accounts.create': procedure({
    kind: 'mutation',
    roles: ADMINS,
    input: z
      .object({
        employeeNo: EmployeeNo,
        name: z.string().trim().min(1, 'required').max(80, 'too_long'),
        role: Role,
        team: TeamName.optional(),
        password: NewPassword,
      })
      .strict(),
    output: Account,
  }),
  'accounts.resetPassword': procedure({
    kind: 'mutation',
    roles: ADMINS,
    input: AccountRef.extend({ password: NewPassword }).strict(),
    output: Account,
  }),
  'accounts.setRole': procedure({
    kind: 'mutation',
    roles: ADMINS,
    input: AccountRef.extend({ role: Role }).strict(),
    output: Account,
  }),
  'accounts.setDisabled': procedure({
    kind: 'mutation',
    roles: ADMINS,
    input: AccountRef.extend({ disabled: z.boolean() }).strict(),
    output: Account,
  }),
} as const;
