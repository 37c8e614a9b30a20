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
  const { long, short } = splitTerms(terms);
  return {
    trigram: long.length ? long.map(ftsLiteral).join(' AND ') : null,
    grams: short.length ? short.map(gramToken).map(ftsGram).join(' AND ') : null,
  };
}

/** Terms of 3+ characters (trigram, or ILIKE over pg_trgm) and shorter ones (the 2-gram index). */
export function splitTerms(terms: string[]): { long: string[]; short: string[] } {
  return { long: terms.filter((t) => [...t].length >= 3), short: terms.filter((t) => [...t].length < 3) };
}

/** One token looked up in a 2-gram index: a 2-character CJK gram exactly, anything else as a prefix. */
export interface GramToken {
  text: string;
  prefix: boolean;
}

export function gramToken(text: string): GramToken {
  return { text, prefix: !([...text].length === 2 && isCjk(text)) };
}

function ftsGram(token: GramToken): string {
  return token.prefix ? `${ftsLiteral(token.text)}*` : ftsLiteral(token.text);
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
  return entityGramTokens(terms).map(ftsGram).join(' AND ');
}

/** The tokens of `gramsMatch`, for the PostgreSQL gram tables. */
export function entityGramTokens(terms: string[]): GramToken[] {
  return [...new Set(terms.flatMap((term) => textGrams(term).split(' ').filter(Boolean)))].map(gramToken);
}
