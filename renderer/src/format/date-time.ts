import { intlLocale } from '../i18n/languages';

const DAY_MS = 86_400_000;

/**
 * Making an `Intl` formatter costs far more than formatting with one, and a screen pop formats a date for
 * every entry it shows: one formatter per locale and set of options, made once.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = intlLocale(language);
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormat(language: string): Intl.RelativeTimeFormat {
  const locale = intlLocale(language);
  let format = relativeFormats.get(locale);
  if (!format) relativeFormats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  return format;
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/**
 * The year is shown only when the month and day alone could mislead: more than half a year away.
 * "12月29日" read on 3 January is last week, not next December; printing the year there would
 * only lengthen every line of the brief for the first days of each year.
 */
const HALF_YEAR_MS = 183 * DAY_MS;
function yearIfFar(date: Date, now: Date): { year?: 'numeric' } {
  return Math.abs(date.getTime() - now.getTime()) > HALF_YEAR_MS ? { year: 'numeric' } : {};
}

/** When something happened, as an agent reads it at a glance: date, weekday and minute. */
export function formatDateTime(iso: string, language: string, now: Date = new Date()): string {
  const date = new Date(iso);
  return dateFormat(language, {
    ...yearIfFar(date, now),
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

export function formatDate(iso: string, language: string): string {
  return dateFormat(language, { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(iso));
}

export function formatTime(date: Date, language: string): string {
  return dateFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(date);
}

/** "today", "yesterday", "6 days ago": how long the customer has been waiting is what matters. */
export function formatDaysAgo(iso: string, language: string, now: Date = new Date()): string {
  const days = Math.round((startOfDay(new Date(iso)) - startOfDay(now)) / DAY_MS);
  return relativeFormat(language).format(days, 'day');
}

/** "11月20日" or "Nov 20": the day something was written down; the year only when it is far from now. */
export function formatDay(iso: string, language: string, now: Date = new Date()): string {
  const date = new Date(iso);
  return dateFormat(language, {
    ...yearIfFar(date, now),
    month: 'short',
    day: 'numeric',
  }).format(date);
}

/** "11月25日 10:00" or "Nov 25, 10:00": compact, for lists where the weekday would crowd the line. */
export function formatDayTime(iso: string, language: string, now: Date = new Date()): string {
  const date = new Date(iso);
  return dateFormat(language, {
    ...yearIfFar(date, now),
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}
