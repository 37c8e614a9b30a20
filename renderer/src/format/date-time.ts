import { intlLocale } from '../i18n/languages';

const DAY_MS = 86_400_000;

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** When something happened, as an agent reads it at a glance: date, weekday and minute. */
export function formatDateTime(iso: string, language: string, now: Date = new Date()): string {
  const date = new Date(iso);
  return new Intl.DateTimeFormat(intlLocale(language), {
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(iso));
}

export function formatTime(date: Date, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(date);
}

/** "today", "yesterday", "6 days ago": how long the customer has been waiting is what matters. */
export function formatDaysAgo(iso: string, language: string, now: Date = new Date()): string {
  const days = Math.round((startOfDay(new Date(iso)) - startOfDay(now)) / DAY_MS);
  return new Intl.RelativeTimeFormat(intlLocale(language), { numeric: 'auto' }).format(days, 'day');
}

/** "11月20日" or "Nov 20": the day something was written down; the year only when it is not this one. */
export function formatDay(iso: string, language: string, now: Date = new Date()): string {
  const date = new Date(iso);
  return new Intl.DateTimeFormat(intlLocale(language), {
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
    month: 'short',
    day: 'numeric',
  }).format(date);
}

/** "11月25日 10:00" or "Nov 25, 10:00": compact, for lists where the weekday would crowd the line. */
export function formatDayTime(iso: string, language: string, now: Date = new Date()): string {
  const date = new Date(iso);
  return new Intl.DateTimeFormat(intlLocale(language), {
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}
