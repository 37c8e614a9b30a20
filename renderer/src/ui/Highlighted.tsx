import { type Range, splitByRanges } from '../format/highlights';

/**
 * Text from the database with the matched parts in <mark>. Every piece is rendered as text, so a
 * note that contains markup shows the characters and never becomes markup.
 */
export function Highlighted({ text, ranges, className }: { text: string; ranges: readonly Range[]; className?: string }) {
  return (
    <span className={className}>
      {splitByRanges(text, ranges).map((piece, i) => (piece.hit ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>))}
    </span>
  );
}
