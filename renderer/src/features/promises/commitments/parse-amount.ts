/**
 * What the agent typed as an amount: null when empty, otherwise the number as typed (a negative
 * or a fraction too), so the host refuses it with its own reason instead of the desk guessing one.
 * A number field hands over "" for anything that is not a number, so that reads as empty.
 */
export function parseAmount(raw: string): number | null {
  const text = raw.trim();
  if (text === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
