/** [start, end) offsets into a string (UTF-16 code units, as String.slice counts them). */
export type Range = readonly [number, number];

export interface Piece {
  text: string;
  hit: boolean;
}

/**
 * The text cut into plain and matched pieces. Ranges from the host are clamped, sorted and merged
 * first, so a malformed range can shorten a highlight but never drop or repeat a character.
 */
export function splitByRanges(text: string, ranges: readonly Range[]): Piece[] {
  const clean = ranges
    .map(([s, e]) => [Math.max(0, Math.min(text.length, s)), Math.max(0, Math.min(text.length, e))] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const pieces: Piece[] = [];
  let at = 0;
  for (const [s, e] of clean) {
    const start = Math.max(s, at);
    if (e <= start) continue;
    if (start > at) pieces.push({ text: text.slice(at, start), hit: false });
    pieces.push({ text: text.slice(start, e), hit: true });
    at = e;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), hit: false });
  return pieces;
}

/**
 * Carries ranges over to a display form of the same text that only adds separators, e.g.
 * "+8613800138000" shown as "+86 138 0013 8000": characters are paired up in order, and those the
 * display added are skipped.
 */
export function mapRanges(source: string, display: string, ranges: readonly Range[]): Range[] {
  const position: number[] = [];
  let d = 0;
  for (let s = 0; s < source.length; s++) {
    while (d < display.length && display[d] !== source[s]) d++;
    if (d >= display.length) return [];
    position.push(d);
    d++;
  }
  position.push(display.length);
  return ranges.flatMap(([s, e]) => {
    const start = position[s];
    const end = e > s ? position[e - 1] : undefined;
    return start === undefined || end === undefined ? [] : [[start, end + 1] as const];
  });
}
