import { z } from 'zod';
import { normalisePhone } from '../phone';

/** Longest note we accept; longer text is refused with a message and the draft is kept. */
export const NOTE_MAX_CHARS = 20_000;

export const Id = z.uuid();
export const IsoTime = z.iso.datetime({ offset: true });

/** Who a person is at work. `complaint_centre` (level 3) works escalated cases as a supervisor does. */
export const Role = z.enum(['agent', 'supervisor', 'complaint_centre', 'admin']);
export type Role = z.infer<typeof Role>;

export const Tier = z.enum(['standard', 'silver', 'gold', 'platinum']);
export type Tier = z.infer<typeof Tier>;

export const Channel = z.enum(['phone', 'sms', 'chat', 'email', 'walk_in']);
export type Channel = z.infer<typeof Channel>;

export const Direction = z.enum(['inbound', 'outbound']);

export const CaseStatus = z.enum(['open', 'pending_customer', 'pending_internal', 'resolved', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const CasePriority = z.enum(['low', 'normal', 'high', 'urgent']);
export type CasePriority = z.infer<typeof CasePriority>;

/** The maintained list of case categories; cases never carry free-text categories. */
export const CaseCategory = z.enum([
  'points_voucher',
  'billing',
  'network',
  'promotion',
  'conduct_complaint',
  'plan_change',
  'device',
  'other',
]);
export type CaseCategory = z.infer<typeof CaseCategory>;

/** Escalation level: 1 agent, 2 supervisor, 3 complaint centre. */
export const Level = z.union([z.literal(1), z.literal(2), z.literal(3)]);

/** Free text a person typed: trimmed, never empty. */
export const Text = (max: number) => z.string().trim().min(1, 'required').max(max, 'too_long');

/** A phone number as typed by a person; parsed to E.164 or refused with `phone_invalid`. */
export const PhoneInput = z
  .string()
  .max(64, 'phone_invalid')
  .transform((raw, ctx) => {
    const e164 = normalisePhone(raw);
    if (e164 === null) {
      ctx.addIssue({ code: 'custom', message: 'phone_invalid' });
      return z.NEVER;
    }
    return e164;
  });
