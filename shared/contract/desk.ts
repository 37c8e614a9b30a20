import { z } from 'zod';
import { Id, Role } from '../domain/values';
import { EmployeeNo } from './procedures/accounts';

/**
 * Local desk profiles (the desktop without a server): several people share one desk, each with a
 * PIN. These inputs cross the IPC bridge on the `desk:*` channels (`DESK_CHANNELS` in `bridge.ts`)
 * and are parsed in main; they are not contract procedures, because they run before anyone is at the desk.
 */
export const PIN_PATTERN = /^\d{4,8}$/;
export const Pin = z.string().regex(PIN_PATTERN, 'pin_invalid');

export const DeskUnlockInput = z.object({ profileId: Id, pin: Pin }).strict();
export type DeskUnlockInput = z.infer<typeof DeskUnlockInput>;

export const DeskCreateProfileInput = z
  .object({
    employeeNo: EmployeeNo,
    name: z.string().trim().min(1, 'required').max(80, 'too_long'),
    role: Role,
    pin: Pin,
  })
  .strict();
export type DeskCreateProfileInput = z.infer<typeof DeskCreateProfileInput>;

/** The desk channels that take no input refuse anything but nothing or `{}`. */
export const DeskNoInput = z.union([z.undefined(), z.object({}).strict()]);
