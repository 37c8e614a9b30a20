import { z } from 'zod';
import { normalisePhone } from '../phone';

/** Longest note we accept; longer text is refused with a message and the draft is kept. */
export const NOTE_MAX_CHARS = 20_000;

export const Id = z.uuid();
export const IsoTime = z.iso.datetime({ offset: true });
/**
 * A time in its one stored form: UTC, milliseconds, `Z` (what `Date#toISOString` gives). Mutation
 * args carry only this, so every replica stores, compares and sorts the same text.
 */
export const UtcTime = z.iso.datetime({ precision: 3 });

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

/**
 * Half of a UTF-16 surrogate pair without its other half. Such a string is not text: it cannot be
 * written as UTF-8 (the database would store U+FFFD in its place) and shows as a box or nothing.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What shows nothing on screen: whitespace of every kind (the ideographic space too), control and
 * format characters (zero-width space, joiners, word joiner, BOM, soft hyphen, bidi marks, embeddings,
 * overrides and isolates, tags), variation selectors, the combining grapheme joiner, and the
 * Hangul fillers and braille blank that render as blank.
 */
const INVISIBLE_ONLY = /^[\s\p{Cc}\p{Cf}\p{Z}\u034F\u115F\u1160\u17B4\u17B5\u2800\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}]*$/u;

/** True when `s` holds a lone surrogate (it came from a broken paste or a program, not from a keyboard). */
export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}

/** True when `s` would show nothing at all: empty, or only whitespace, zero-width and bidi control characters. */
export function isInvisible(s: string): boolean {
  return INVISIBLE_ONLY.test(s);
}

/**
 * Free text a person typed: trimmed, never empty, never only invisible characters (`invisible`),
 * never a broken string (`malformed_text`: a lone surrogate).
 */
export const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'required')
    .max(max, 'too_long')
    .refine((s) => !hasLoneSurrogate(s), 'malformed_text')
    .refine((s) => s.length === 0 || !isInvisible(s), 'invisible');

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
