import { AppError } from '../../shared';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** How far ahead of a host's clock another clock may run before its times are refused. */
export const CLOCK_SKEW_MS = 5 * MINUTE;
/** A call logged after the fact: at most this long ago. */
export const CALL_PAST_MS = 30 * DAY;
/** A promise's deadline, or an incident's start and end: at most this far from now. */
export const HORIZON_MS = 366 * DAY;

export interface Window {
  /** Earliest and latest accepted, in ms since the epoch. */
  from: number;
  to: number;
}

/** The window [at - past, at + future] around a reference time (an ISO string or a Date). */
export function around(at: string | Date, past: number, future: number): Window {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return { from: t - past, to: t + future };
}

/** A time in its one stored form (UTC, ms, `Z`); the contract has already checked it is a time. */
export function canonicalTime(value: string): string {
  return new Date(Date.parse(value)).toISOString();
}

/**
 * A caller-supplied time, refused outside `window` and returned in its one stored form (UTC, ms,
 * `Z`), so "+08:00" and "Z" spellings of one instant store, compare and sort alike.
 */
export function boundedTime(value: string, window: Window, path: string): string {
  const t = Date.parse(value);
  if (!Number.isFinite(t) || t < window.from || t > window.to)
    throw new AppError('invalid_input', `${path} is too far from now.`, [{ path, message: 'time_out_of_range' }]);
  return new Date(t).toISOString();
}
