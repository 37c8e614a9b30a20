import type { TFunction } from 'i18next';

/** Hours in the unit a supervisor would say them: minutes under an hour, hours under two days, then days. */
export function formatHours(hours: number, t: TFunction): string {
  const h = Math.abs(hours);
  if (h < 1) return t('time.minutes', { count: Math.max(1, Math.floor(h * 60)) });
  if (h < 48) return t('time.hours', { count: Math.floor(h) });
  return t('time.days', { count: Math.floor(h / 24) });
}
