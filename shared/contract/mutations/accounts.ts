import { z } from 'zod';
import { Id, IsoTime, Role } from '../../domain/values';

/**
 * An administrator's changes to who may sign in, as what. The args never hold a password or its hash:
 * core writes the credential beside the mutation, and the audit row says only that a password was set.
 */
export const accountMutations = {
  'accounts.create': z.object({
    id: Id,
    employeeNo: z.string().min(1).max(20),
    name: z.string().min(1).max(80),
    role: Role,
    team: z.string().max(40).nullable(),
    at: IsoTime,
  }),
  'accounts.resetPassword': z.object({ id: Id, at: IsoTime }),
  'accounts.setRole': z.object({ id: Id, role: Role, at: IsoTime }),
  'accounts.setDisabled': z.object({ id: Id, disabled: z.boolean(), at: IsoTime }),
} as const;
