export type DurationUnit = 'minutes' | 'hours' | 'days';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long between two instants, in the unit a person would say it: minutes within the hour,
 * hours within two days (a 48-hour callback is spoken of in hours), days after that.
 */
export function between(fromIso: string, toIso: string): { unit: DurationUnit; count: number } {
  const ms = Math.abs(Date.parse(toIso) - Date.parse(fromIso));
  if (ms < HOUR) return { unit: 'minutes', count: Math.max(1, Math.floor(ms / MINUTE)) };
  if (ms < 2 * DAY) return { unit: 'hours', count: Math.floor(ms / HOUR) };
  return { unit: 'days', count: Math.floor(ms / DAY) };
}

/** True when `iso` lies before `nowIso`. */
export function isPast(iso: string, nowIso: string): boolean {
  return Date.parse(iso) <= Date.parse(nowIso);
}
