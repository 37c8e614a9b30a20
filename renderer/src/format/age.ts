/** How long a case has been open, in the unit an agent would say it: hours on the first day, then days. */
export function caseAge(hours: number): { unit: 'hours' | 'days'; count: number } {
  if (hours < 24) return { unit: 'hours', count: Math.max(1, Math.floor(hours)) };
  return { unit: 'days', count: Math.floor(hours / 24) };
}
