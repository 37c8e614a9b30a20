import { isCjk, textGrams } from '../../../shared';

/** Makes any text one FTS5 string literal: operators such as NEAR, OR, * and quotes lose their meaning. */
export function ftsLiteral(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

export interface NoteMatch {
  /** MATCH expression for the trigram table (terms of 3+ characters), or null. */
  trigram: string | null;
  /** MATCH expression for the 2-gram table (shorter terms), or null. */
  grams: string | null;
}

/**
 * Splits terms between the two indexes. Trigram needs 3+ characters; a 2-character CJK term is one
 * gram token; a 1-character term (or a short latin word) is a gram prefix.
 */
export function noteMatch(terms: string[]): NoteMatch {
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => [...t].length < 3);
  const gram = (t: string) => ([...t].length === 2 && isCjk(t) ? ftsLiteral(t) : `${ftsLiteral(t)}*`);
  return {
    trigram: long.length ? long.map(ftsLiteral).join(' AND ') : null,
    grams: short.length ? short.map(gram).join(' AND ') : null,
  };
}

/** Escapes LIKE wildcards; pair with `escape '\'`. */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A MATCH expression for a 2-gram table that every text containing all the terms satisfies: the
 * term's own grams (textGrams), a 2-character CJK gram exactly, anything else (a lone character, a
 * latin word) as a prefix. Grams do not keep their order, so candidates still need a substring check.
 */
export function gramsMatch(terms: string[]): string {
  const tokens = new Set(terms.flatMap((term) => textGrams(term).split(' ').filter(Boolean)));
  return [...tokens].map((t) => ([...t].length === 2 && isCjk(t) ? ftsLiteral(t) : `${ftsLiteral(t)}*`)).join(' AND ');
}
