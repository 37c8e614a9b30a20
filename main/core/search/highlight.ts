import type { z } from 'zod';
import type { SearchHit as SearchHitShape } from '../../../shared';

type SearchHit = z.infer<typeof SearchHitShape>;

/** Every [start, end) where a term occurs in `text`, merged, case-insensitive. */
export function matchRanges(text: string, terms: string[]): Array<[number, number]> {
  const lower = text.toLowerCase();
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    if (!term) continue;
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + term.length)) ranges.push([at, at + term.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

export function hit(text: string, terms: string[]): SearchHit {
  return { text, highlights: matchRanges(text, terms) };
}

/** A window of the text around its first match, with the highlights shifted to fit it. */
export function snippet(text: string, terms: string[], width = 80): SearchHit {
  const all = matchRanges(text, terms);
  const first = all[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - Math.floor(width / 3), text.length - width));
  const end = Math.min(text.length, start + width);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: `${prefix}${text.slice(start, end)}${suffix}`,
    highlights: all.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s + shift, e + shift]),
  };
}
